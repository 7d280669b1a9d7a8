"""Baseline: the schema exactly as storage/db.py created it before migrations existed.

Generated once (alembic autogenerate against an empty database) and frozen:
never edit it. A database created by that earlier code has every table
below and no alembic_version table; ``storage.schema`` stamps it with this
revision and upgrades it from here.

Revision ID: 0001_baseline
Revises:
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_baseline"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "unit_types",
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.Column("rehabilitation", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("type"),
    )
    op.create_table(
        "units",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("city", sa.Text(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["type"],
            ["unit_types.type"],
        ),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_table(
        "submissions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("unit_code", sa.String(length=40), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.Text(), nullable=False),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("uploaded_by", sa.Text(), nullable=False),
        sa.Column("is_current", sa.Boolean(), nullable=False),
        sa.Column("n_warnings", sa.Integer(), nullable=False),
        sa.Column("warnings_json", sa.Text(), nullable=False),
        sa.Column("file_bytes", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["unit_code"],
            ["units.code"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("unit_code", "year", "month", "version"),
    )
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_submissions_current", ["is_current", "year", "month"], unique=False
        )

    op.create_table(
        "fact_identitas",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("kode_upt", sa.Text(), nullable=True),
        sa.Column("nama_upt", sa.Text(), nullable=True),
        sa.Column("tahun", sa.Integer(), nullable=True),
        sa.Column("bulan", sa.Integer(), nullable=True),
        sa.Column("nama_kepala_upt", sa.Text(), nullable=True),
        sa.Column("tanggal_laporan", sa.Date(), nullable=True),
        sa.Column("versi_format", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("fact_identitas", schema=None) as batch_op:
        batch_op.create_index("ix_fact_identitas_submission", ["submission_id"], unique=False)

    op.create_table(
        "fact_integritas",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("insiden_etika_media_sosial", sa.Integer(), nullable=True),
        sa.Column("insiden_ditindaklanjuti", sa.Integer(), nullable=True),
        sa.Column("unggahan_informasi_layanan", sa.Integer(), nullable=True),
        sa.Column("hukuman_disiplin_ringan", sa.Integer(), nullable=True),
        sa.Column("hukuman_disiplin_sedang", sa.Integer(), nullable=True),
        sa.Column("hukuman_disiplin_berat", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("fact_integritas", schema=None) as batch_op:
        batch_op.create_index("ix_fact_integritas_submission", ["submission_id"], unique=False)

    op.create_table(
        "fact_kehadiran_pegawai",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("nip", sa.String(length=18), nullable=True),
        sa.Column("nama", sa.Text(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.Column("hari_kerja", sa.Integer(), nullable=True),
        sa.Column("hadir", sa.Integer(), nullable=True),
        sa.Column("dinas_luar", sa.Integer(), nullable=True),
        sa.Column("sakit", sa.Integer(), nullable=True),
        sa.Column("izin", sa.Integer(), nullable=True),
        sa.Column("cuti", sa.Integer(), nullable=True),
        sa.Column("tk", sa.Integer(), nullable=True),
        sa.Column("tl1", sa.Integer(), nullable=True),
        sa.Column("tl2", sa.Integer(), nullable=True),
        sa.Column("tl3", sa.Integer(), nullable=True),
        sa.Column("tl4", sa.Integer(), nullable=True),
        sa.Column("psw1", sa.Integer(), nullable=True),
        sa.Column("psw2", sa.Integer(), nullable=True),
        sa.Column("psw3", sa.Integer(), nullable=True),
        sa.Column("psw4", sa.Integer(), nullable=True),
        sa.Column("apel_wajib", sa.Integer(), nullable=True),
        sa.Column("apel_hadir", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("fact_kehadiran_pegawai", schema=None) as batch_op:
        batch_op.create_index(
            "ix_fact_kehadiran_pegawai_submission", ["submission_id"], unique=False
        )

    op.create_table(
        "fact_layanan",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("jenis_layanan", sa.Text(), nullable=True),
        sa.Column("sesi_direncanakan", sa.Integer(), nullable=True),
        sa.Column("sesi_terlaksana", sa.Integer(), nullable=True),
        sa.Column("jumlah_peserta", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("fact_layanan", schema=None) as batch_op:
        batch_op.create_index("ix_fact_layanan_submission", ["submission_id"], unique=False)

    op.create_table(
        "fact_pembinaan",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=True),
        sa.Column("tema", sa.Text(), nullable=True),
        sa.Column("peserta_wajib", sa.Integer(), nullable=True),
        sa.Column("peserta_hadir", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("fact_pembinaan", schema=None) as batch_op:
        batch_op.create_index("ix_fact_pembinaan_submission", ["submission_id"], unique=False)

    op.create_table(
        "fact_penerima_manfaat",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("daya_tampung", sa.Integer(), nullable=True),
        sa.Column("pm_awal_bulan", sa.Integer(), nullable=True),
        sa.Column("pm_masuk", sa.Integer(), nullable=True),
        sa.Column("pm_keluar_reintegrasi", sa.Integer(), nullable=True),
        sa.Column("pm_keluar_rujukan", sa.Integer(), nullable=True),
        sa.Column("pm_keluar_meninggal", sa.Integer(), nullable=True),
        sa.Column("pm_keluar_lainnya", sa.Integer(), nullable=True),
        sa.Column("pm_akhir_bulan", sa.Integer(), nullable=True),
        sa.Column("pm_laki_laki_akhir_bulan", sa.Integer(), nullable=True),
        sa.Column("pm_perempuan_akhir_bulan", sa.Integer(), nullable=True),
        sa.Column("pm_terpenuhi_kebutuhan_dasar", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("fact_penerima_manfaat", schema=None) as batch_op:
        batch_op.create_index(
            "ix_fact_penerima_manfaat_submission", ["submission_id"], unique=False
        )

    op.create_table(
        "fact_pengaduan",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("nomor", sa.Text(), nullable=True),
        sa.Column("tanggal_masuk", sa.Date(), nullable=True),
        sa.Column("saluran", sa.Text(), nullable=True),
        sa.Column("kategori", sa.Text(), nullable=True),
        sa.Column("ringkasan", sa.Text(), nullable=True),
        sa.Column("tanggal_selesai", sa.Date(), nullable=True),
        sa.Column("status", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("fact_pengaduan", schema=None) as batch_op:
        batch_op.create_index("ix_fact_pengaduan_submission", ["submission_id"], unique=False)

    op.create_table(
        "fact_survei_kepuasan",
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=True),
        sa.Column("jenis_kelamin", sa.Text(), nullable=True),
        sa.Column("usia", sa.Integer(), nullable=True),
        sa.Column("pendidikan", sa.Text(), nullable=True),
        sa.Column("responden", sa.Text(), nullable=True),
        sa.Column("u1", sa.Integer(), nullable=True),
        sa.Column("u2", sa.Integer(), nullable=True),
        sa.Column("u3", sa.Integer(), nullable=True),
        sa.Column("u4", sa.Integer(), nullable=True),
        sa.Column("u5", sa.Integer(), nullable=True),
        sa.Column("u6", sa.Integer(), nullable=True),
        sa.Column("u7", sa.Integer(), nullable=True),
        sa.Column("u8", sa.Integer(), nullable=True),
        sa.Column("u9", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["submission_id"], ["submissions.id"], ondelete="CASCADE"),
    )
    with op.batch_alter_table("fact_survei_kepuasan", schema=None) as batch_op:
        batch_op.create_index("ix_fact_survei_kepuasan_submission", ["submission_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("fact_survei_kepuasan", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_survei_kepuasan_submission")

    op.drop_table("fact_survei_kepuasan")
    with op.batch_alter_table("fact_pengaduan", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_pengaduan_submission")

    op.drop_table("fact_pengaduan")
    with op.batch_alter_table("fact_penerima_manfaat", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_penerima_manfaat_submission")

    op.drop_table("fact_penerima_manfaat")
    with op.batch_alter_table("fact_pembinaan", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_pembinaan_submission")

    op.drop_table("fact_pembinaan")
    with op.batch_alter_table("fact_layanan", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_layanan_submission")

    op.drop_table("fact_layanan")
    with op.batch_alter_table("fact_kehadiran_pegawai", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_kehadiran_pegawai_submission")

    op.drop_table("fact_kehadiran_pegawai")
    with op.batch_alter_table("fact_integritas", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_integritas_submission")

    op.drop_table("fact_integritas")
    with op.batch_alter_table("fact_identitas", schema=None) as batch_op:
        batch_op.drop_index("ix_fact_identitas_submission")

    op.drop_table("fact_identitas")
    with op.batch_alter_table("submissions", schema=None) as batch_op:
        batch_op.drop_index("ix_submissions_current")

    op.drop_table("submissions")
    op.drop_table("units")
    op.drop_table("unit_types")
