"""The message catalogue: key -> {"id": Bahasa Indonesia, "en": English}."""

MESSAGES: dict[str, dict[str, str]] = {
    # app and navigation
    "app.title": {"id": "Dasbor Kualitas Layanan UPT", "en": "UPT Service-Quality Dashboard"},
    "app.office": {"id": "Dinas Sosial Provinsi Jawa Timur",
                   "en": "East Java Provincial Social Services Office"},
    "app.language": {"id": "Bahasa", "en": "Language"},
    "app.sample_banner": {
        "id": "Data contoh sedang dipakai: angka di dasbor ini berasal dari sample_data/, "
              "bukan laporan UPT yang sebenarnya.",
        "en": "Sample data in use: the figures on this dashboard come from sample_data/, "
              "not real UPT reports."},
    "app.sample_loading": {"id": "Memuat data contoh ke basis data kosong…",
                           "en": "Loading sample data into the empty database…"},
    "nav.upload": {"id": "Unggah Laporan", "en": "Upload Report"},
    # upload page
    "upload.title": {"id": "Unggah Laporan Bulanan", "en": "Upload Monthly Report"},
    "upload.intro": {
        "id": "Unduh templat, isi, lalu unggah di sini. Semua masalah berkas ditampilkan "
              "sekaligus beserta sel yang perlu diperbaiki. Berkas dengan kesalahan tidak "
              "disimpan sama sekali.",
        "en": "Download the template, fill it in and upload it here. Every problem is shown "
              "at once with the cell to fix. A file with errors is not stored at all."},
    "upload.template_header": {"id": "Templat kosong", "en": "Blank template"},
    "upload.template_unit": {"id": "UPT", "en": "Unit"},
    "upload.template_period": {"id": "Periode", "en": "Period"},
    "upload.template_button": {"id": "Unduh templat", "en": "Download template"},
    "upload.file": {"id": "Pilih berkas laporan (.xlsx)", "en": "Choose the report file (.xlsx)"},
    "upload.uploader_name": {"id": "Nama pengunggah", "en": "Uploaded by"},
    "upload.refused": {
        "id": "Berkas ditolak: {errors} kesalahan, {warnings} peringatan. Perbaiki sel yang "
              "disebut di bawah lalu unggah lagi. Tidak ada data yang disimpan.",
        "en": "File refused: {errors} errors, {warnings} warnings. Fix the cells listed below "
              "and upload again. Nothing was stored."},
    "upload.valid": {
        "id": "Berkas valid untuk {unit}, {period} ({warnings} peringatan). Periksa ringkasan "
              "lalu simpan.",
        "en": "File valid for {unit}, {period} ({warnings} warnings). Check the summary, "
              "then store it."},
    "upload.findings": {"id": "Temuan pemeriksaan", "en": "Validation findings"},
    "upload.preview": {"id": "Ringkasan angka utama", "en": "Key figures"},
    "upload.confirm": {"id": "Simpan laporan", "en": "Store report"},
    "upload.accepted": {"id": "Laporan disimpan sebagai versi {version}.",
                        "en": "Report stored as version {version}."},
    "upload.unchanged": {
        "id": "Berkas sama persis dengan versi {version} yang tersimpan; tidak ada yang berubah.",
        "en": "The file is byte-identical to stored version {version}; nothing changed."},
    "col.severity": {"id": "Tingkat", "en": "Severity"},
    "col.location": {"id": "Lokasi", "en": "Location"},
    "col.sheet": {"id": "Lembar", "en": "Sheet"},
    "col.cell": {"id": "Sel", "en": "Cell"},
    "col.message": {"id": "Pesan", "en": "Message"},
    "col.item": {"id": "Uraian", "en": "Item"},
    "col.value": {"id": "Nilai", "en": "Value"},
    "severity.error": {"id": "Kesalahan", "en": "Error"},
    "severity.warning": {"id": "Peringatan", "en": "Warning"},
    "preview.unit": {"id": "Kode UPT", "en": "Unit code"},
    "preview.period": {"id": "Periode", "en": "Period"},
    "preview.residents": {"id": "PM akhir bulan / daya tampung", "en": "Residents at month end / capacity"},
    "preview.flows": {"id": "PM masuk / keluar", "en": "Residents admitted / left"},
    "preview.staff": {"id": "Pegawai tercatat", "en": "Employees listed"},
    "preview.tk": {"id": "Hari tanpa keterangan (TK)", "en": "Days absent without explanation"},
    "preview.respondents": {"id": "Responden survei", "en": "Survey respondents"},
    "preview.ikm": {"id": "IKM bulan ini", "en": "Satisfaction index (IKM) this month"},
    "preview.complaints": {"id": "Pengaduan tercatat", "en": "Complaints listed"},
    "preview.coaching": {"id": "Kegiatan pembinaan", "en": "Coaching sessions"},
    # upload history
    "nav.history": {"id": "Riwayat Unggahan", "en": "Upload History"},
    "history.title": {"id": "Riwayat Unggahan", "en": "Upload History"},
    "history.intro": {
        "id": "Setiap laporan yang diterima disimpan sebagai versi. Unggahan ulang menjadi "
              "versi terkini; versi lama dan berkas aslinya tetap tersimpan.",
        "en": "Every accepted report is stored as a version. A re-upload becomes the current "
              "version; earlier versions and their original files are kept."},
    "history.empty": {"id": "Belum ada laporan tersimpan. Unggah laporan di halaman Unggah "
                            "Laporan.",
                      "en": "No reports stored yet. Upload one on the Upload Report page."},
    "history.unit": {"id": "UPT", "en": "Unit"},
    "history.period": {"id": "Periode", "en": "Period"},
    "history.versions": {"id": "Versi laporan {unit}, {period}",
                         "en": "Report versions of {unit}, {period}"},
    "history.download_pick": {"id": "Berkas asli versi", "en": "Original file of version"},
    "history.download": {"id": "Unduh berkas asli", "en": "Download original file"},
    "history.single_version": {"id": "Periode ini baru punya satu versi; belum ada yang "
                                     "dapat dibandingkan.",
                               "en": "This period has a single version; nothing to compare."},
    "history.compare": {"id": "Bandingkan dua versi", "en": "Compare two versions"},
    "history.old": {"id": "Versi lama", "en": "Older version"},
    "history.new": {"id": "Versi baru", "en": "Newer version"},
    "history.no_changes": {"id": "Tidak ada nilai yang berbeda.", "en": "No values differ."},
    "history.current": {"id": "terkini", "en": "current"},
    "history.superseded": {"id": "digantikan", "en": "superseded"},
    "col.version": {"id": "Versi", "en": "Version"},
    "col.status": {"id": "Status", "en": "Status"},
    "col.uploaded_at": {"id": "Diunggah (UTC)", "en": "Uploaded (UTC)"},
    "col.uploaded_by": {"id": "Oleh", "en": "By"},
    "col.filename": {"id": "Nama berkas", "en": "File name"},
    "col.warnings": {"id": "Peringatan", "en": "Warnings"},
    "col.sha256": {"id": "SHA-256", "en": "SHA-256"},
}
