from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEED = SHARED / "seeds" / "dawn-2025-11-28-pakistan-russia-igc-10.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.fail(f"the seed document is missing: {SEED}")
    return SEED
