"""Every tool, fuzzed through the in-memory MCP client: a result or an explained error, never a bare one.

The strategies are bench/fuzz.py's (which runs the same for 10,000 cases and more); here a few hundred.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from fuzz import Fuzzer, strategy_for  # noqa: E402


@pytest.fixture(scope="module")
def fuzzer(tmp_path_factory):
    made = Fuzzer(tmp_path_factory.mktemp("fuzz-home"))
    yield made
    made.close()


def test_every_tool_answers_junk_with_a_result_or_an_explained_error(fuzzer: Fuzzer):
    @settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(strategy_for(fuzzer))
    def case(call):
        tool, args = call
        kind = fuzzer.run(tool, args)
        assert kind not in ("bare", "traceback"), (tool, args)

    case()
    assert fuzzer.outcomes["result"] > 0, "near-valid arguments must succeed sometimes"
    assert len(fuzzer.outcomes) > 5, "junk must be refused in more than one way"
