"""The importers ``udsat import KIND`` knows, by kind (an explicit registry)."""

from __future__ import annotations

from udsat.ingest.beboerdata import BEBOERDATA
from udsat.ingest.imports import Importer
from udsat.ingest.ministry_lists import MINISTRY_LIST
from udsat.ingest.px import STATISTIKBANKEN_PX
from udsat.ingest.statistikbanken import STATISTIKBANKEN_JSON
from udsat.ingest.tidy import TIDY

IMPORTERS: dict[str, Importer] = {
    importer.kind: importer
    for importer in (TIDY, BEBOERDATA, MINISTRY_LIST, STATISTIKBANKEN_JSON,
                     STATISTIKBANKEN_PX)
}
