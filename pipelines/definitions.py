"""Everything Dagster needs, in one place (``dagster dev`` from the project root loads this)."""

import dagster as dg

from pipelines.defs import automation
from pipelines.defs.extract import assets as extract_assets
from pipelines.defs.extract import checks as extract_checks
from pipelines.defs.ingest import assets as ingest_assets
from pipelines.defs.release import assets as release_assets
from pipelines.defs.resources import build_resources
from pipelines.defs.warehouse import assets as warehouse_assets

defs = dg.Definitions(
    assets=dg.load_assets_from_modules([ingest_assets, extract_assets, warehouse_assets, release_assets]),
    asset_checks=dg.load_asset_checks_from_modules([extract_checks, warehouse_assets]),
    jobs=[automation.build_job],
    schedules=[automation.daily_release],
    sensors=[automation.seeds_changed],
    resources=build_resources(),
)
