"""Latin punctuation after Arabic words: AR411."""

from __future__ import annotations

import pytest

import arnorm
from arnorm.config import NONE


def punctuation(text: str) -> str:
    """`text` with only the punctuation rule switched on."""
    return arnorm.clean(text, preset=NONE, punctuation=True)


PUNCTUATION_FIXES = [
    pytest.param("روسيا, الصين", "روسيا، الصين", id="comma before a space"),
    pytest.param("روسيا,الصين", "روسيا،الصين", id="comma glued to an Arabic word"),
    pytest.param("أولا; ثانيا", "أولا؛ ثانيا", id="semicolon"),
    pytest.param("هل انتهى?", "هل انتهى؟", id="question mark at the end"),
    pytest.param("لماذا?!", "لماذا؟!", id="before an exclamation mark"),
    pytest.param("لماذا??", "لماذا؟؟", id="a run of marks"),
    pytest.param("كتابًا, ثم", "كتابًا، ثم", id="after tanween"),
    pytest.param('قالوا "نعم", ثم', 'قالوا "نعم"، ثم', id="after a closing quote"),
    pytest.param("قالوا «نعم», ثم", "قالوا «نعم»، ثم", id="after a closing guillemet"),
    pytest.param("(رويترز), ثم", "(رويترز)، ثم", id="after a closing bracket"),
    pytest.param("روسيا , الصين", "روسيا ، الصين", id="a stray space before the comma"),
    pytest.param("هل?\nنعم", "هل؟\nنعم", id="before a line break"),
    pytest.param("قالوا, «نعم»", "قالوا، «نعم»", id="before an opening guillemet"),
]
PUNCTUATION_NOOPS = [
    pytest.param("العدد 3,5 مليون", id="decimal comma"),
    pytest.param("بلغ 1,000 دولار", id="thousands separator"),
    pytest.param("Paris, London; Rome?", id="Latin text"),
    pytest.param("شركة Google, وفيسبوك", id="after a Latin word in Arabic text"),
    pytest.param("عام,2018", id="before a digit"),
    pytest.param("صفحة,x", id="before a Latin letter"),
    pytest.param("انظر http://x.org/الصفحة,الثانية الآن", id="inside a URL"),
    pytest.param("راسل علي,محمد@x.org الآن", id="inside an e-mail address"),
    pytest.param("روسيا، الصين؛ الهند؟", id="Arabic marks already"),
    pytest.param(", ; ?", id="no word before"),
]


@pytest.mark.parametrize(("text", "expected"), PUNCTUATION_FIXES)
def test_punctuation_fixes(text: str, expected: str) -> None:
    assert punctuation(text) == expected
    codes = {f.code for f in arnorm.lint(text, preset=NONE, punctuation=True)}
    assert codes == {"AR411"}


@pytest.mark.parametrize("text", PUNCTUATION_NOOPS)
def test_punctuation_noops(text: str) -> None:
    assert punctuation(text) == text


def test_the_issue_checks_through_the_clean_preset() -> None:
    assert arnorm.clean("روسيا, الصين") == "روسيا، الصين"
    assert arnorm.clean("العدد 3,5 مليون") == "العدد 3,5 مليون"


def test_with_spacing_the_comma_ends_up_in_place() -> None:
    assert arnorm.clean("روسيا ,الصين") == "روسيا، الصين"


def test_the_finding_names_both_marks() -> None:
    [finding] = arnorm.lint("روسيا, الصين", preset=NONE, punctuation=True)
    assert (finding.start, finding.end, finding.replacement) == (5, 6, "،")
    assert "','" in finding.message
