"""Event models, identifiers and the topic registry shared by every stage."""
