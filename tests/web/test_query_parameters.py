"""Every public view answers junk in its query parameters with 400, never 500."""

from udsat.domain.query_parameters import PARAMETERS, parameter_problem

PUBLIC = ["/", "/en/", "/omraader/", "/omraader/vollsmose/",
          "/omraader/vollsmose/data/residents.csv", "/omraader/vollsmose/diagram/residents.svg",
          "/sammenlign/", "/en/sammenlign/", "/sammenlign/diagram.svg", "/sammenlign/data.csv",
          "/soeg/", "/en/soeg/", "/nyt/", "/feeds/rapporter/", "/feeds/data/", "/patterns/",
          "/resultater/", "/om-evalueringen/", "/tidslinje/"]
JUNK = ["²", "٢٠١٩", "2019²", "\x00", "x" * 1001, "<script>alert(1)</script>", "-1",
        "1e309", "NaN", "../../etc/passwd", "'; DROP TABLE data_area; --", "\ufffd"]
# Well-formed values that name nothing: the views must cope (200 or 404), never 500.
ODD = [{"kommune": "9999", "status": "nope", "indikator": "nope", "alle": "1",
        "periode": "1900", "datasaet": "nope", "area": "nope", "track": "nope", "type": "nope",
        "year": "0000", "q": "<script>alert(1)</script> ² ٢٠١٩"},
       {"periode": "unstated", "alle": "0", "q": "'\"%", "year": "9999"},
       {name: "" for name in PARAMETERS}]


def test_the_rules_refuse_what_int_and_decimal_would_choke_on():
    assert parameter_problem("year", "²") == "year must be a year (four digits 0-9)"
    assert parameter_problem("periode", "٢٠١٩") == "periode must be a year or 'unstated'"
    assert parameter_problem("q", "\x00") == "q holds control characters"
    assert parameter_problem("utm_source", "²") == ""  # not read by any view


def test_junk_in_any_parameter_of_any_public_view_answers_400(client, seeded_site):
    # One test over every view (the seeded site is built once; a test per view takes minutes).
    for url in PUBLIC:
        _check_junk(client, url)


def _check_junk(client, url):
    assert client.get(url).status_code == 200, url
    for name in PARAMETERS:
        for junk in JUNK:
            response = client.get(url, {name: junk})
            refused = bool(parameter_problem(name, junk))
            # A well-formed value may name nothing (a dataset "1e309"): 404 then, never 500.
            expected = (400,) if refused else (200, 404)
            assert response.status_code in expected, (url, name, junk)
            if refused and not url.startswith("/en/"):
                assert "Ugyldig værdi for parameteren" in response.content.decode()


def test_well_formed_values_that_name_nothing_never_answer_500(client, seeded_site):
    # The test client re-raises a view's exception: a 500 fails here with its traceback.
    for url in PUBLIC:
        for params in ODD:
            assert client.get(url, params).status_code in (200, 404), (url, params)


def test_the_issues_search_case_answers_400_in_both_languages(client, seeded_site):
    assert client.get("/soeg/?year=%C2%B2").status_code == 400
    response = client.get("/en/soeg/?year=%C2%B2")
    assert response.status_code == 400 and "Invalid value" in response.content.decode()
