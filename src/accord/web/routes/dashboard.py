"""The dashboard page and its JSON twin."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from accord.web.auth import Reader, database_of
from accord.web.charts import sector_status_chart, timelines
from accord.web.params import CommissionParam
from accord.web.twins import Twins
from accord.web.views.dashboard import Dashboard, dashboard_view

twins = Twins("dashboard")


def _charts(request: Request, data: Dashboard) -> dict[str, Any]:
    sessions = [s for summary in data.commissions for s in summary.sessions]
    return {
        "chart": sector_status_chart(data.by_sector_status),
        "timelines": timelines(sessions),
    }


@twins.view(
    "/",
    "dashboard.html",
    api_path="/dashboard",
    context=_charts,
    summary="Commissions, delivery by sector and status, what is overdue, recurring and waiting",
)
def dashboard(request: Request, identity: Reader, commission: CommissionParam = None) -> Dashboard:
    return dashboard_view(database_of(request), commission)
