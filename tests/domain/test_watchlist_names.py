"""Names and companies as the watchlist compares them: one key however the name was typed."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.names import KEY_MAX_CHARS, company_key, name_key, normalise_name
from kiosk.domain.watchlist import WatchlistMatch, name_match

# Traditional characters common in names, each with its simplified form.
TRADITIONAL = {
    "張": "张", "陳": "陈", "劉": "刘", "黃": "黄", "吳": "吴", "趙": "赵", "孫": "孙", "鄭": "郑",
    "馬": "马", "楊": "杨", "許": "许", "鄧": "邓", "馮": "冯", "蕭": "萧", "葉": "叶", "歐": "欧",
    "陽": "阳", "華": "华", "偉": "伟", "麗": "丽", "強": "强", "熱": "热", "國": "国", "龍": "龙",
    "鳳": "凤", "軍": "军", "東": "东", "輝": "辉", "傑": "杰", "紅": "红", "雲": "云", "衛": "卫",
}  # fmt: skip
SIMPLIFIED_AND_SHARED = list(TRADITIONAL.values()) + list("王李三明芳小文平山")
SEPARATORS = [" ", "\u3000", "\u00a0", "\t", "·", "・", "･", "‧", "•", "-", ".", "'", "\u200b"]

# Any text a person could type, in any script, with spaces and punctuation of every kind.
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
# A name as typed at a Chinese lobby: Chinese characters (both forms), Latin letters, separators.
typed_name = st.text(
    st.sampled_from([*TRADITIONAL, *SIMPLIFIED_AND_SHARED, *"abcXYZé", *SEPARATORS]), min_size=1, max_size=20
)


def full_width(text: str) -> str:
    """The full-width forms an input method gives (ＡＢＣ, １２, the ideographic space)."""
    return "".join(
        "\u3000" if ch == " " else chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text
    )


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("张三", "张三"),
        ("张 三", "张三"),
        ("張　三", "张三"),
        ("Zhang San", "zhangsan"),
        ("ＺＨＡＮＧ　ｓａｎ", "zhangsan"),
        ("zhang-san", "zhangsan"),
        ("阿卜杜·热合曼", "阿卜杜热合曼"),
        ("阿卜杜・熱合曼", "阿卜杜热合曼"),
        ("ﾊﾝｶｸ", "ハンカク"),  # half-width katakana
        ("José Müller", "josemuller"),
        ("O'Brien", "obrien"),
        ("Yıldız", "yildiz"),
        ("歐陽鳳", "欧阳凤"),
        ("薴", "苎"),  # two steps in OpenCC's table (薴 -> 苧 -> 苎): the key takes both
    ],
)
def test_a_name_typed_another_way_has_the_same_key(typed: str, key: str) -> None:
    # Pinned: a library update that changed one of these would change keys already stored.
    assert name_key(typed) == key


@given(any_text)
def test_the_key_is_its_own_key(text: str) -> None:
    key = normalise_name(text)
    assert normalise_name(key) == key
    assert name_key(name_key(text)) == name_key(text)
    assert company_key(company_key(text)) == company_key(text)


@given(any_text)
def test_a_key_holds_letters_and_digits_only_and_fits_its_column(text: str) -> None:
    key = name_key(text)
    assert all(unicodedata.category(ch)[0] in "LN" for ch in key)
    assert len(key) <= KEY_MAX_CHARS


@given(typed_name)
def test_width_does_not_matter(name: str) -> None:
    assert name_key(full_width(name)) == name_key(name)


@given(typed_name, st.lists(st.tuples(st.integers(0, 20), st.sampled_from(SEPARATORS)), max_size=6))
def test_spaces_and_middle_dots_anywhere_do_not_matter(name: str, inserts: list[tuple[int, str]]) -> None:
    spaced = name
    for at, separator in inserts:
        spaced = spaced[:at] + separator + spaced[at:]
    assert name_key(spaced) == name_key(name)


@given(any_text)
def test_case_does_not_matter(text: str) -> None:
    assert name_key(text.upper()) == name_key(text.lower()) == name_key(text.swapcase()) == name_key(text)


@given(st.text(st.sampled_from(list(TRADITIONAL)), min_size=1, max_size=8))
def test_traditional_characters_are_compared_as_simplified(name: str) -> None:
    simplified = "".join(TRADITIONAL[ch] for ch in name)
    assert name_key(name) == name_key(simplified) == simplified


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("华南数据有限公司", "华南数据"),
        ("華南數據股份有限公司", "华南数据"),
        ("华南数据有限责任公司", "华 南 数 据"),
        ("中国电信集团有限公司", "中国电信"),
        ("Acme Co., Ltd.", "ACME"),
        ("Acme Company Limited", "acme inc."),
        ("ＡＣＭＥ　ＧｍｂＨ", "Acme"),
    ],
)
def test_a_company_is_compared_without_its_legal_form(one: str, other: str) -> None:
    assert company_key(one) == company_key(other)


def test_a_legal_form_is_only_dropped_as_a_whole_word_and_never_leaves_nothing() -> None:
    assert company_key("Costco") == "costco"  # its "co" is part of the name
    assert company_key("有限公司") == "有限公司"  # only a legal form: still a company given
    assert company_key("Co.") == "co"
    assert company_key("华南数据") != company_key("华北数据")


@given(st.text(st.sampled_from([*SIMPLIFIED_AND_SHARED, *"acme"]), min_size=1, max_size=10))
def test_any_company_with_a_legal_form_added_is_the_same_company(name: str) -> None:
    for form in ("有限公司", "股份有限公司", " Co., Ltd.", "（集团）有限公司"):
        assert company_key(name + form) == company_key(name)


@pytest.mark.parametrize(
    ("listed", "given", "match"),
    [
        ("某某公司", "某某有限公司", WatchlistMatch.NAME_AND_COMPANY),
        ("", "", WatchlistMatch.NAME),
        ("", "某某公司", WatchlistMatch.NAME),
        ("某某公司", "", WatchlistMatch.NAME_NO_COMPANY),
        ("某某公司", "另一家公司", WatchlistMatch.NAME_COMPANY_DIFFERS),
    ],
)
def test_the_companies_say_how_a_name_matched(listed: str, given: str, match: WatchlistMatch) -> None:
    assert name_match(listed, given) is match
