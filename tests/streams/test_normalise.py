
import pytest

from streams.normalise import PROTECTED, SLANG, normalise_text, tokens


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("jln rusak yg di ds sukamaju", "jalan rusak yang di desa sukamaju"),
        ("udh 2 bln gak diperbaiki, tlg pak", "sudah 2 bulan tidak diperbaiki, tolong bapak"),
        ("krn blm ada org dr kec", "karena belum ada orang dari kecamatan"),
        ("skrg trs bgt dgn kmrn dll", "sekarang terus banget dengan kemarin dan lain-lain"),
        ("Jl.Merdeka no 12", "jalan merdeka no 12"),
        ("kab. Bogor", "kabupaten bogor"),
    ],
)
def test_slang_expansion(raw, expected):
    assert normalise_text(raw) == expected


def test_mohon_is_kept():
    assert normalise_text("mohon dibantu") == "mohon dibantu"


@pytest.mark.parametrize("word", ["smp", "sma", "smk", "sd", "kk", "ktp", "pu", "pupr", "pkh", "blt", "bpn", "pln",
                                  "pdam", "bpjs", "rt", "rw", "karo", "weru"])
def test_protected_tokens_survive_in_lower_case(word):
    assert normalise_text(f"anak sy di {word} 2") == f"anak saya di {word} 2"


def test_no_protected_token_is_a_slang_key():
    assert not PROTECTED & SLANG.keys()


def test_capitals_mark_an_acronym():
    # "DS" in capitals in a normal sentence is an acronym, "ds" is desa.
    assert normalise_text("Laporan DS ke ds Sukamaju") == "laporan ds ke desa sukamaju"


def test_shouted_message_is_still_expanded():
    assert normalise_text("JLN RUSAK DI DS KARO KEC WERU, TDK ADA PERBAIKAN SMP SKRG") == (
        "jalan rusak di desa karo kecamatan weru, tidak ada perbaikan smp sekarang"
    )


def test_shouted_phrase_inside_a_sentence_is_expanded():
    assert normalise_text("lampu mati, GAK ADA YG PEDULI") == "lampu mati, tidak ada yang peduli"


def test_dr_before_a_name_is_a_title():
    assert normalise_text("RSUD dr. Soetomo antre dr pagi") == "rsud dr. soetomo antre dari pagi"


def test_nfkc_and_lower_case():
    assert normalise_text("Ｊａｌａｎ  RUSAK\n\tparah") == "jalan rusak parah"


def test_elongation_and_reduplication():
    assert normalise_text("rusaaaak parahhh, anak2 takut") == "rusak parah, anak-anak takut"
    assert normalise_text("rt2 dan sd2") == "rt2 dan sd2"  # too short / protected: not a reduplication


def test_tokens_drop_punctuation_keep_hyphenated_words():
    assert tokens("Anak2 SD & SMP, RT 03!") == ["anak-anak", "sd", "smp", "rt", "03"]


def test_original_text_is_not_mutated():
    original = "jln rusak"
    normalise_text(original)
    assert original == "jln rusak"

