"""PostgreSQL reads with COPY (``storage.facts._read_fast``): every row libpq holds is
taken in one loop, so the end of the copy and its errors are handled there, not by
psycopg's row-by-row reader. Checked on a real server against a plain fetch."""

import polars as pl
import pytest
from psycopg import errors
from sqlalchemy import text

from tests.conftest import _fresh_postgres
from upt_dashboard.storage.facts import _copy_out, _read, _read_fast

pytestmark = pytest.mark.postgres

# Rows with commas, quotes, newlines, non-ASCII and blanks; three hundred thousand of
# them span many of libpq's buffers, so the loop waits on the socket between batches.
ROWS = text(
    """
    SELECT g AS n,
           CASE WHEN mod(g, 7) = 0 THEN NULL
                ELSE 'Nama, "ke" ' || g || E'\\nbaris' || CASE WHEN mod(g, 3) = 0 THEN ' Ñ' END
           END AS nama
    FROM generate_series(1, 300000) AS g
    """
)


@pytest.fixture
def pg_engine():
    engine = _fresh_postgres()
    yield engine
    engine.dispose()


def test_every_row_arrives_as_a_plain_fetch_reads_it(pg_engine):
    with pg_engine.connect() as conn:
        copied = _read_fast(conn, ROWS)
        fetched = _read(conn, ROWS)
    assert copied.height == 300_000
    # COPY hands text over: cast like the facts' readers do before comparing.
    copied = copied.with_columns(pl.col("n").cast(pl.Int64))
    assert copied.equals(fetched.with_columns(pl.col("n").cast(pl.Int64)))
    assert copied.filter(pl.col("n") == 3)["nama"].item() == 'Nama, "ke" 3\nbaris Ñ'


def test_an_empty_result_is_an_empty_frame(pg_engine):
    with pg_engine.connect() as conn:
        assert _read_fast(conn, text("SELECT 1 AS n WHERE false")).is_empty()


def test_an_error_late_in_the_copy_is_raised_and_the_connection_goes_on(pg_engine):
    failing = text(
        "SELECT g, CASE WHEN g < 250000 THEN 1 ELSE 1 / (g - g) END AS x "
        "FROM generate_series(1, 300000) AS g"
    )
    with pg_engine.connect() as conn:
        with pytest.raises(errors.DivisionByZero):
            _read_fast(conn, failing)
        conn.connection.driver_connection.rollback()
        # The same connection reads on, with COPY and without.
        assert _read_fast(conn, text("SELECT 5 AS n"))["n"].to_list() == ["5"]
        assert conn.execute(text("SELECT 42")).scalar() == 42


def test_a_row_larger_than_libpqs_buffer_arrives_whole(pg_engine):
    """libpq holds no complete row until all of it is in: the loop waits, then takes it."""
    query = text("SELECT g AS n, repeat('x', 5000000) AS long FROM generate_series(1, 3) AS g")
    with pg_engine.connect() as conn:
        frame = _read_fast(conn, query)
    assert frame["n"].to_list() == ["1", "2", "3"]
    assert frame["long"].str.len_bytes().to_list() == [5_000_000] * 3


def test_reads_follow_one_another_on_one_connection(pg_engine):
    with pg_engine.connect() as conn:
        for size in (1, 70_000, 2):
            query = text(f"SELECT g AS n FROM generate_series(1, {size}) AS g")
            assert _read_fast(conn, query).height == size


def test_a_read_stopped_midway_leaves_the_connection_usable(pg_engine):
    """A rerun interrupting a page raises inside the loop: psycopg cancels the rest."""
    seen = []

    def stop_after_a_thousand(row: bytes) -> None:
        seen.append(row)
        if len(seen) == 1_000:
            raise RuntimeError("rerun")

    with pg_engine.connect() as conn:
        driver = conn.connection.driver_connection
        with pytest.raises(RuntimeError), driver.cursor() as cursor:
            sql = "COPY (SELECT g FROM generate_series(1, 300000) AS g) TO STDOUT"
            with cursor.copy(sql) as copy:
                _copy_out(copy, stop_after_a_thousand)
        driver.rollback()
        assert len(seen) == 1_000
        assert _read_fast(conn, text("SELECT 7 AS n"))["n"].to_list() == ["7"]
