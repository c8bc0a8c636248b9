// Starts Swagger UI from this origin's copy (consumers/read/apidocs.py); a file, so the CSP needs no inline script.
"use strict";
window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis], persistAuthorization: false,
  });
});
