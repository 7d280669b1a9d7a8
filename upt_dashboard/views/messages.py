"""The message catalogue: key -> {"id": Bahasa Indonesia, "en": English}."""

MESSAGES: dict[str, dict[str, str]] = {
    # app and navigation
    "app.title": {"id": "Dasbor Kualitas Layanan UPT", "en": "UPT Service-Quality Dashboard"},
    "app.office": {
        "id": "Dinas Sosial Provinsi Jawa Timur",
        "en": "East Java Provincial Social Services Office",
    },
    "app.language": {"id": "Bahasa", "en": "Language"},
    "app.sample_banner": {
        "id": "Data contoh sedang dipakai: angka di dasbor ini berasal dari sample_data/, "
        "bukan laporan UPT yang sebenarnya.",
        "en": "Sample data in use: the figures on this dashboard come from sample_data/, "
        "not real UPT reports.",
    },
    "app.sample_loading": {
        "id": "Memuat data contoh ke basis data kosong…",
        "en": "Loading sample data into the empty database…",
    },
    "app.sample_progress": {
        "id": "Memuat data contoh ke basis data kosong: {done} dari {total} laporan…",
        "en": "Loading sample data into the empty database: {done} of {total} reports…",
    },
    "app.sample_failed": {
        "id": "Data contoh belum termuat seluruhnya ({reason}). Muat ulang halaman untuk "
        "mencoba lagi, atau jalankan python cli.py import sample_data/*.xlsx.",
        "en": "The sample data did not load completely ({reason}). Reload the page to try "
        "again, or run python cli.py import sample_data/*.xlsx.",
    },
    "nav.upload": {"id": "Unggah Laporan", "en": "Upload Report"},
    # upload page
    "upload.title": {"id": "Unggah Laporan Bulanan", "en": "Upload Monthly Report"},
    "upload.intro": {
        "id": "Unduh templat, isi, lalu unggah di sini. Semua masalah berkas ditampilkan "
        "sekaligus beserta sel yang perlu diperbaiki. Berkas dengan kesalahan tidak "
        "disimpan sama sekali.",
        "en": "Download the template, fill it in and upload it here. Every problem is shown "
        "at once with the cell to fix. A file with errors is not stored at all.",
    },
    "upload.template_header": {"id": "Templat laporan", "en": "Report template"},
    "upload.template_unit": {"id": "UPT", "en": "Unit"},
    "upload.template_period": {"id": "Periode", "en": "Period"},
    "upload.template_button": {"id": "Unduh templat kosong", "en": "Download blank template"},
    "upload.template_prefilled": {
        "id": "Unduh templat terisi",
        "en": "Download prefilled template",
    },
    "upload.template_prefilled_help": {
        "id": "Identitas, daya tampung, PM Awal Bulan (PM Akhir Bulan laporan terakhir), daftar "
        "pegawai (NIP, Nama, Status) dan jenis layanan dari laporan terakhir sudah terisi; "
        "tinggal mengisi angka bulan ini.",
        "en": "Identity, capacity, opening residents (the last report's closing residents), "
        "the staff list (NIP, name, status) and the service types of the last report are "
        "filled in; only this month's numbers remain to be typed.",
    },
    "upload.template_note": {
        "id": "Judul kolom dan label terkunci (tanpa kata sandi) agar tidak terubah; setiap "
        "sel angka menolak isian selain bilangan bulat.",
        "en": "Column headers and labels are locked (no password) so they cannot be changed "
        "by accident; every number cell accepts whole numbers only.",
    },
    "upload.file": {
        "id": "Pilih berkas laporan (.xlsx, paling besar {mb} MB)",
        "en": "Choose the report file (.xlsx, at most {mb} MB)",
    },
    "upload.file_help": {
        "id": "Berkas Excel .xlsx atau .xlsm dari templat resmi, paling besar {mb} MB. Seret "
        "berkas ke kotak ini atau klik tombol di dalamnya.",
        "en": "An Excel .xlsx or .xlsm file made from the official template, at most {mb} MB. "
        "Drag the file onto this box or click the button inside it.",
    },
    "upload.refused": {
        "id": "Berkas ditolak: {errors} kesalahan, {warnings} peringatan. Perbaiki sel yang "
        "disebut di bawah lalu unggah lagi. Tidak ada data yang disimpan.",
        "en": "File refused: {errors} errors, {warnings} warnings. Fix the cells listed below "
        "and upload again. Nothing was stored.",
    },
    "upload.refused_file": {
        "id": "Berkas ditolak: {errors} kesalahan, {warnings} peringatan. Baca temuan di bawah "
        "lalu unggah lagi. Tidak ada data yang disimpan.",
        "en": "File refused: {errors} errors, {warnings} warnings. Read the findings below and "
        "upload again. Nothing was stored.",
    },
    "upload.valid": {
        "id": "Berkas valid untuk {unit}, {period} ({warnings} peringatan). Periksa ringkasan "
        "lalu simpan.",
        "en": "File valid for {unit}, {period} ({warnings} warnings). Check the summary, "
        "then store it.",
    },
    "upload.replaces": {
        "id": "Laporan bulan ini sudah ada: ini menggantikan versi {version} (diunggah "
        "{date} oleh {by}). Periksa perubahan angka utama sebelum menyimpan.",
        "en": "This month's report is already stored: this replaces version {version} "
        "(uploaded {date} by {by}). Check how the key numbers change before storing.",
    },
    "upload.col_stored": {"id": "Versi {version}", "en": "Version {version}"},
    "upload.col_new": {"id": "Berkas ini", "en": "This file"},
    "upload.col_change": {"id": "Perubahan", "en": "Change"},
    "upload.changed": {"id": "berubah", "en": "changed"},
    "upload.findings": {"id": "Temuan pemeriksaan", "en": "Validation findings"},
    "upload.whole_file": {"id": "Berkas", "en": "The file"},
    "upload.sheet_counts": {
        "id": "{errors} kesalahan, {warnings} peringatan",
        "en": "{errors} errors, {warnings} warnings",
    },
    "upload.found": {"id": "ditemukan {value}", "en": "found {value}"},
    "upload.expected": {"id": "seharusnya {value}", "en": "expected {value}"},
    "upload.annotated_button": {
        "id": "Unduh berkas Anda dengan sel bermasalah ditandai",
        "en": "Download your file with the faulty cells marked",
    },
    "upload.annotated_help": {
        "id": "Berkas yang Anda unggah, dengan setiap sel bermasalah diwarnai (merah: "
        "kesalahan, kuning: peringatan) dan diberi komentar berisi pesannya. Temuan tanpa sel "
        "ada di komentar sel A1 lembar pertama.",
        "en": "The file you uploaded, with every faulty cell coloured (red: error, amber: "
        "warning) and a comment carrying its message (in Indonesian). Findings without a "
        "cell are in a comment on cell A1 of the first sheet.",
    },
    "upload.findings_csv": {"id": "Unduh temuan (CSV)", "en": "Download findings (CSV)"},
    "upload.preview": {"id": "Ringkasan angka utama", "en": "Key figures"},
    "upload.confirm": {"id": "Simpan laporan", "en": "Store report"},
    "upload.confirm_version": {
        "id": "Simpan sebagai versi {version}",
        "en": "Store as version {version}",
    },
    "upload.accepted": {
        "id": "Laporan disimpan sebagai versi {version} ({unit}, {period}). Pilih berkas lain "
        "untuk mengunggah lagi.",
        "en": "Report stored as version {version} ({unit}, {period}). Choose another file to "
        "upload again.",
    },
    "upload.failed": {
        "id": "Laporan tidak tersimpan. {reason}",
        "en": "The report was not stored. {reason}",
    },
    "upload.unchanged": {
        "id": "Berkas sama persis dengan versi {version} yang tersimpan ({unit}, {period}); "
        "tidak ada yang berubah.",
        "en": "The file is byte-identical to stored version {version} ({unit}, {period}); "
        "nothing changed.",
    },
    "col.employee": {"id": "Pegawai", "en": "Employee"},
    "col.found": {"id": "Ditemukan", "en": "Found"},
    "col.expected": {"id": "Seharusnya", "en": "Expected"},
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
    "preview.residents": {
        "id": "PM akhir bulan / daya tampung",
        "en": "Residents at month end / capacity",
    },
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
        "version; earlier versions and their original files are kept.",
    },
    "history.empty": {
        "id": "Belum ada laporan tersimpan. Unggah laporan di halaman Unggah Laporan.",
        "en": "No reports stored yet. Upload one on the Upload Report page.",
    },
    "history.unit": {"id": "UPT", "en": "Unit"},
    "history.period": {"id": "Periode", "en": "Period"},
    "history.versions": {
        "id": "Versi laporan {unit}, {period}",
        "en": "Report versions of {unit}, {period}",
    },
    "history.download_pick": {"id": "Berkas asli versi", "en": "Original file of version"},
    "history.download": {"id": "Unduh berkas asli", "en": "Download original file"},
    "history.single_version": {
        "id": "Periode ini baru punya satu versi; belum ada yang dapat dibandingkan.",
        "en": "This period has a single version; nothing to compare.",
    },
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
    # dashboard pages: shared words
    "period.quarter": {"id": "Triwulan {roman} {year}", "en": "Q{q} {year}"},
    "period.same_months": {
        "id": "{period} (bulan yang sama dari periode sebelumnya)",
        "en": "{period} (the same months of the previous period)",
    },
    "period.not_comparable": {
        "id": "Tidak ada perbandingan: periode sebelumnya tidak memuat bulan yang sama.",
        "en": "No comparison: the previous period does not hold the same months.",
    },
    "unit.days_value": {"id": "{value} hari", "en": "{value} days"},
    "unit.points_delta": {"id": "{value} poin", "en": "{value} pts"},
    "status.hijau": {"id": "Baik", "en": "Good"},
    "status.kuning": {"id": "Waspada", "en": "Watch"},
    "status.merah": {"id": "Perlu perhatian", "en": "Needs attention"},
    "status.none": {"id": "Tanpa status", "en": "No status"},
    # exports: the Ekspor page, chart downloads, and the words inside exported files
    "nav.export": {"id": "Ekspor", "en": "Export"},
    "export.title": {"id": "Ekspor Bahan Rapat", "en": "Export Meeting Pack"},
    "export.intro": {
        "id": "Pilih bulan rapat dan UPT, lalu buat paket rapat: salindia PowerPoint yang dapat "
        "diedit, ringkasan Excel siap cetak, ringkasan satu halaman A4 (PDF) untuk diteruskan, "
        "atau semua grafik sebagai gambar. Angka berasal dari mesin indikator yang sama "
        "dengan dasbor.",
        "en": "Pick the meeting's month and the units, then build the meeting pack: an "
        "editable PowerPoint deck, a print-ready Excel summary, a one-page A4 brief (PDF) to "
        "forward, or every chart as images. The figures come from the same indicator engine "
        "as the dashboard.",
    },
    "export.mode": {"id": "Periode", "en": "Period"},
    "export.mode_month": {"id": "Satu bulan", "en": "One month"},
    "export.mode_range": {"id": "Rentang bulan", "en": "Range of months"},
    "export.month": {"id": "Bulan rapat", "en": "Meeting month"},
    "export.month_help": {
        "id": "Nilai bulan ini, perubahan dari bulan sebelumnya, tren 12 bulan dan daftar "
        "UPT yang perlu perhatian. Bawaan: bulan terakhir yang tenggat laporannya sudah lewat.",
        "en": "This month's values, the change from the month before, a 12-month trend and "
        "the units that need attention. Default: the latest month whose report deadline has "
        "passed.",
    },
    "export.build_pack": {"id": "Paket rapat (.zip)", "en": "Meeting pack (.zip)"},
    "export.build_pdf": {"id": "Ringkasan A4 (.pdf)", "en": "A4 brief (.pdf)"},
    "export.from": {"id": "Dari bulan", "en": "From month"},
    "export.to": {"id": "Sampai bulan", "en": "To month"},
    "export.types": {"id": "Jenis UPT (kosong = semua)", "en": "Unit types (empty = all)"},
    "export.units": {"id": "UPT (kosong = semua)", "en": "Units (empty = all)"},
    "export.personal": {
        "id": "Sertakan data per pegawai (data pribadi)",
        "en": "Include per-employee rows (personal data)",
    },
    "export.personal_help": {
        "id": "Nama, NIP dan rekap kehadiran per pegawai dilindungi UU No. 27/2022. Hanya "
        "disertakan untuk UPT yang boleh Anda lihat, dan hanya di berkas Excel.",
        "en": "Names, NIPs and per-employee attendance are protected by Law No. 27/2022. "
        "They are included only for units you may see, and only in the Excel file.",
    },
    "export.personal_withheld": {
        "id": "Data pegawai UPT berikut tidak disertakan karena Anda tidak berhak melihatnya: "
        "{units}.",
        "en": "Employee rows of these units were left out because you may not see them: {units}.",
    },
    "export.image_format": {"id": "Format gambar", "en": "Image format"},
    "export.build_deck": {"id": "Salindia (.pptx)", "en": "Slide deck (.pptx)"},
    "export.build_workbook": {"id": "Ringkasan Excel (.xlsx)", "en": "Excel summary (.xlsx)"},
    "export.build_images": {"id": "Buat gambar grafik (.zip)", "en": "Build chart images (.zip)"},
    "export.download": {"id": "Unduh {name}", "en": "Download {name}"},
    "export.building": {"id": "Menyusun berkas…", "en": "Building the file…"},
    "export.ready": {"id": "Berkas siap: {name} ({size}).", "en": "File ready: {name} ({size})."},
    "export.bad_range": {
        "id": "Bulan awal harus sebelum atau sama dengan bulan akhir.",
        "en": "The first month must not come after the last month.",
    },
    "export.no_data": {
        "id": "Belum ada laporan tersimpan; unggah laporan dulu.",
        "en": "No reports stored yet; upload reports first.",
    },
    "export.download_menu": {"id": "Unduh", "en": "Download"},
    "export.download_png": {"id": "Gambar PNG", "en": "PNG image"},
    "export.download_svg": {"id": "Gambar SVG", "en": "SVG image"},
    "export.download_pdf": {"id": "PDF", "en": "PDF"},
    "export.download_csv": {"id": "Data (CSV)", "en": "Data (CSV)"},
    "export.download_help": {
        "id": "Unduh grafik ini sebagai {format}",
        "en": "Download this chart as {format}",
    },
    "export.error.no_browser": {
        "id": "Gambar grafik tidak dapat dibuat: peramban Chromium tidak ditemukan di server "
        "({path}). Salindia dan ringkasan Excel tetap dapat dibuat. Minta administrator "
        'memasang paket Debian "chromium" atau mengatur BROWSER_PATH.',
        "en": "Chart images cannot be made: the Chromium browser was not found on the server "
        "({path}). The slide deck and the Excel summary still work. Ask the "
        'administrator to install Debian\'s "chromium" package or set BROWSER_PATH.',
    },
    "export.error.browser_failed": {
        "id": "Gambar grafik tidak dapat dibuat: Chromium ({path}) gagal dijalankan ({reason}). "
        "Salindia dan ringkasan Excel tetap dapat dibuat. Minta administrator memeriksa "
        "pemasangan Chromium.",
        "en": "Chart images cannot be made: Chromium ({path}) failed to run ({reason}). The "
        "slide deck and the Excel summary still work. Ask the administrator to check "
        "the Chromium installation.",
    },
    "export.error.no_answer": {
        "id": "tidak menjawab dalam {seconds} detik",
        "en": "no answer within {seconds} seconds",
    },
    "export.error.format": {
        "id": 'Format "{format}" tidak dikenal; pilih salah satu dari {choices}.',
        "en": 'Unknown format "{format}"; choose one of {choices}.',
    },
    "export.error.output": {
        "id": "Berkas keluaran {path} tidak dapat ditulis: {reason}. Pilih folder lain dengan -o.",
        "en": "Cannot write the output {path}: {reason}. Choose another place with -o.",
    },
    "export.cli.written": {"id": "{path} ditulis ({size}).", "en": "{path} written ({size})."},
    "export.cli.month_or_range": {
        "id": "Pilih --month (satu bulan) atau --from/--to (rentang), tidak keduanya.",
        "en": "Give --month (one month) or --from/--to (a range), not both.",
    },
    "export.cli.range_needs_both": {
        "id": "Rentang perlu --from dan --to sekaligus.",
        "en": "A range needs both --from and --to.",
    },
    # inside the exported files (always rendered in Bahasa Indonesia)
    "export.office": {
        "id": "Dinas Sosial Provinsi Jawa Timur",
        "en": "East Java Provincial Social Services Office",
    },
    "export.deck_title": {"id": "Kualitas Layanan UPT", "en": "UPT Service Quality"},
    "export.deck_subtitle": {"id": "Bahan rapat pimpinan", "en": "Leadership meeting pack"},
    "export.made_on": {"id": "Dibuat {date}", "en": "Made on {date}"},
    "export.source": {
        "id": "Sumber: laporan bulanan UPT, diolah Dasbor Kualitas Layanan; periode {period}",
        "en": "Source: UPT monthly reports, processed by the Service-Quality Dashboard; "
        "period {period}",
    },
    "export.source_sample": {
        "id": "Sumber: DATA CONTOH (sample_data/), bukan laporan UPT sebenarnya; periode {period}",
        "en": "Source: SAMPLE DATA (sample_data/), not real UPT reports; period {period}",
    },
    "export.series_province": {"id": "Provinsi Jawa Timur", "en": "East Java province"},
    "export.series_target": {"id": "Target", "en": "Target"},
    "export.series_target_min": {"id": "Target (batas bawah)", "en": "Target (lower bound)"},
    "export.series_target_max": {"id": "Target (batas atas)", "en": "Target (upper bound)"},
    "export.summary_title": {"id": "Ringkasan {period}", "en": "Summary, {period}"},
    "export.summary_notes": {
        "id": "Nilai periode ini untuk cakupan ini: setiap rasio dihitung dari jumlah pembilang "
        "semua UPT dibagi jumlah penyebutnya, bukan rata-rata rasio UPT.",
        "en": "Values of this period for this scope: every ratio is the units' numerators "
        "added up, divided by their denominators added up, not a mean of unit ratios.",
    },
    "export.card_change": {"id": "{change} dibanding {before}", "en": "{change} on {before}"},
    "export.key_title": {"id": "Indikator utama, {period}", "en": "Key indicators, {period}"},
    "export.key_notes": {
        "id": "Status (Baik, Waspada, Perlu perhatian) mengikuti ambang di kolom Ambang status, "
        "bukan target. Perubahan: dibanding periode sebelumnya yang sama panjang.",
        "en": "The status (Good, Watch, Needs attention) follows the thresholds in the Status "
        "thresholds column, not the target. Change: against the period of the same length "
        "before.",
    },
    "export.col_change": {"id": "Perubahan dari {before}", "en": "Change from {before}"},
    "export.col_bands": {"id": "Ambang status", "en": "Status thresholds"},
    "export.col_reasons": {"id": "Alasan", "en": "Reasons"},
    "export.bands_row": {"id": "Ambang status", "en": "Status thresholds"},
    "export.attention_title": {
        "id": "Perlu perhatian ({n} UPT)",
        "en": "Needs attention ({n} units)",
    },
    "export.attention_none": {
        "id": "Tidak ada UPT yang perlu perhatian pada {period}.",
        "en": "No unit needs attention in {period}.",
    },
    "export.attention_legend": {
        "id": "Yang paling mendesak di atas. Merah: laporan belum masuk, indikator di bawah "
        "ambang Waspada, pengaduan lewat jatuh tempo, tanda integritas. Kuning: laporan "
        "terlambat, responden kurang, nilai tidak biasa.",
        "en": "Most urgent first. Red: a report missing, an indicator below its watch "
        "threshold, complaints past due, an integrity signal. Amber: a late report, too few "
        "respondents, an unusual value.",
    },
    "export.attention_notes": {
        "id": "Satu baris per UPT; masalah yang sama digabung (laporan terlambat dan ketepatan "
        "0 %, nilai merah dan anomalinya). Pengaduan jatuh tempo {days} hari kerja setelah "
        "diterima; pegawai TK {tk} hari atau lebih dalam sebulan ditandai merah.",
        "en": "One row per unit; one matter is one reason (a late report and its 0 % "
        "timeliness, a red value and its anomaly). Complaints are due {days} working days "
        "after receipt; staff absent {tk} days or more in a month are flagged red.",
    },
    "export.card_province": {"id": "Provinsi: {value}", "en": "Province: {value}"},
    "export.col_indicator": {"id": "Indikator", "en": "Indicator"},
    "export.col_value": {"id": "Nilai", "en": "Value"},
    "export.col_target": {"id": "Target", "en": "Target"},
    "export.col_status": {"id": "Status", "en": "Status"},
    "export.col_basis": {"id": "Dasar", "en": "Based on"},
    "export.col_unit": {"id": "UPT", "en": "Unit"},
    "export.col_unit_code": {"id": "Kode UPT", "en": "Unit code"},
    "export.col_type": {"id": "Jenis", "en": "Type"},
    "export.col_missing": {"id": "Belum masuk", "en": "Missing"},
    "export.col_late": {"id": "Terlambat (unggahan pertama)", "en": "Late (first upload)"},
    "export.col_month": {"id": "Bulan", "en": "Month"},
    "export.col_state": {"id": "Keadaan", "en": "State"},
    "export.col_first_upload": {"id": "Unggahan pertama", "en": "First upload"},
    "export.col_deadline": {"id": "Batas unggah", "en": "Deadline"},
    "export.basis": {"id": "{n} {label}", "en": "{n} {label}"},
    "export.trend_chart": {"id": "Tren bulanan", "en": "Monthly trend"},
    "export.ranking_chart": {
        "id": "Peringkat UPT {period}, dengan nilai provinsi",
        "en": "Units ranked, {period}, with the province value",
    },
    "export.indicator_subtitle": {
        "id": "{scope}, {period}: {value} ({change}) · {status} · {bands}",
        "en": "{scope}, {period}: {value} ({change}) · {status} · {bands}",
    },
    "export.indicator_notes": {
        "id": "Rumus: {formula}. Standar: {standard}. {description}",
        "en": "Formula: {formula}. Standard: {standard}. {description}",
    },
    "export.ranking_notes": {
        "id": "Batang gelap = nilai Provinsi Jawa Timur (semua UPT) sebagai pembanding. UPT "
        "tanpa data atau yang indikatornya tidak berlaku tidak ditampilkan.",
        "en": "The dark bar is the East Java province value (all units) for reference. Units "
        "without data or to which the indicator does not apply are not shown.",
    },
    "export.ikm_title": {
        "id": "IKM per UPT dan per unsur",
        "en": "Satisfaction index by unit and element",
    },
    "export.ikm_subtitle": {
        "id": "{scope}: IKM {value}, mutu {grade} ({label}) · {n} responden (minimum {required})",
        "en": "{scope}: IKM {value}, grade {grade} ({label}) · {n} respondents "
        "(minimum {required})",
    },
    "export.ikm_units_chart": {"id": "IKM per UPT (mutu A–D)", "en": "IKM by unit (grade A–D)"},
    "export.ikm_elements_chart": {
        "id": "NRR per unsur, skala 1–4 · terlemah {element}",
        "en": "Mean score by element, 1–4 · weakest {element}",
    },
    "export.ikm_notes": {
        "id": "IKM = (Σ NRR unsur U1..U9 ÷ 9) × 25 dari semua responden dalam cakupan "
        "(PermenPAN-RB No. 14/2017). Mutu: A 88,31–100; B 76,61–88,30; C 65,00–76,60; "
        "D 25,00–64,99. Minimum responden menurut tabel Krejcie–Morgan untuk jumlah PM "
        "yang dilayani.",
        "en": "IKM = (Σ element NRR U1..U9 ÷ 9) × 25 over all respondents in scope "
        "(PermenPAN-RB No. 14/2017). Grades: A 88.31–100; B 76.61–88.30; "
        "C 65.00–76.60; D 25.00–64.99. Minimum respondents per the Krejcie–Morgan "
        "table for the people served.",
    },
    "export.scorecard_title": {"id": "Kartu skor UPT", "en": "Unit scorecard"},
    "export.continued": {"id": "{title} (lanjutan)", "en": "{title} (continued)"},
    "export.status_legend": {
        "id": "✓ Baik (hijau) · ! Waspada (kuning) · ✕ Perlu perhatian (merah), menurut baris "
        "Ambang status · tanpa tanda: tanpa ambang. Nilai periode ini per UPT.",
        "en": "✓ Good (green) · ! Watch (amber) · ✕ Needs attention (red), by the Status "
        "thresholds row · no mark: no threshold. This period's values per unit.",
    },
    "export.reports_title": {
        "id": "Laporan belum masuk dan terlambat",
        "en": "Missing and late reports",
    },
    "export.reports_summary": {
        "id": "Kelengkapan {complete} · tepat waktu {timely} · {missing} belum masuk · "
        "{late} terlambat",
        "en": "Completeness {complete} · on time {timely} · {missing} missing · {late} late",
    },
    "export.reports_deadline": {
        "id": "Batas unggah: tanggal {day} bulan berikutnya (WIB). Bulan yang batasnya belum "
        "lewat tidak dihitung.",
        "en": "Deadline: day {day} of the following month (WIB). Months whose deadline has "
        "not passed are not counted.",
    },
    "export.reports_none": {
        "id": "Semua laporan yang sudah jatuh tempo masuk tepat waktu.",
        "en": "Every report due so far came in on time.",
    },
    "export.state_missing": {"id": "Belum masuk", "en": "Missing"},
    "export.state_late": {"id": "Terlambat", "en": "Late"},
    "export.target_higher": {"id": "≥ {value}", "en": "≥ {value}"},
    "export.target_lower": {"id": "≤ {value}", "en": "≤ {value}"},
    "export.target_range": {"id": "{low} – {high}", "en": "{low} – {high}"},
    "export.sheet_summary": {"id": "Ringkasan", "en": "Summary"},
    "export.sheet_ikm": {"id": "IKM per Unsur", "en": "IKM by Element"},
    "export.sheet_reports": {"id": "Kelengkapan Laporan", "en": "Report Completeness"},
    "export.sheet_complaints": {"id": "Pengaduan", "en": "Complaints"},
    "export.sheet_definitions": {"id": "Definisi", "en": "Definitions"},
    "export.sheet_employees": {"id": "Data Pegawai", "en": "Employees"},
    "export.per_unit": {"id": "Nilai per UPT, {period}", "en": "Values by unit, {period}"},
    "export.brief_subtitle": {"id": "ringkasan satu halaman", "en": "one-page brief"},
    "export.brief_change_note": {
        "id": "Angka kecil di kanan nilai: perubahan dibanding {before}.",
        "en": "Small figure beside each value: the change on {before}.",
    },
    "export.brief_more": {
        "id": "… dan {n} UPT lain: lihat salindia atau ringkasan Excel.",
        "en": "… and {n} more units: see the deck or the Excel summary.",
    },
    "export.sheet_attention": {"id": "Perlu Perhatian", "en": "Needs Attention"},
    "export.col_value_of": {"id": "Nilai {period}", "en": "Value {period}"},
    "export.col_change_plain": {"id": "Perubahan", "en": "Change"},
    "export.per_month": {"id": "Tren bulanan cakupan", "en": "Monthly trend of the scope"},
    "export.total_row": {"id": "{scope} (gabungan)", "en": "{scope} (combined)"},
    "export.province_row": {"id": "Provinsi Jawa Timur", "en": "East Java province"},
    "export.personal_warning": {
        "id": "DATA PRIBADI (UU No. 27/2022): hanya untuk yang berhak; jangan diteruskan.",
        "en": "PERSONAL DATA (Law No. 27/2022): for authorised readers only; do not forward.",
    },
    "export.tk_counts": {
        "id": "Pegawai yang mencapai ambang TK PP No. 94/2021, tahun berjalan s.d. {month} "
        "(jumlah orang)",
        "en": "Employees at a PP 94/2021 unexplained-absence threshold, year to date up to "
        "{month} (headcount)",
    },
    "export.tk_threshold": {"id": "TK ≥ {days} hari", "en": "TK ≥ {days} days"},
    "export.early_warning": {
        "id": "Peringatan dini TK (PP No. 94/2021), tahun berjalan",
        "en": "Unexplained-absence early warning (PP 94/2021), year to date",
    },
    "export.col_tk_ytd": {"id": "TK tahun berjalan", "en": "TK year to date"},
    "export.col_reached": {"id": "Ambang tercapai", "en": "Threshold reached"},
    "export.col_next": {"id": "Ambang berikutnya", "en": "Next threshold"},
    "export.col_days_left": {"id": "Sisa hari", "en": "Days left"},
    "export.col_units": {"id": "UPT tahun ini", "en": "Units this year"},
    "export.col_late_days": {
        "id": "Terlambat + pulang cepat (hari)",
        "en": "Late + early departure (days)",
    },
    "export.col_minimum_estimate": {"id": "Perkiraan minimal", "en": "Minimum estimate"},
    "export.col_total_days": {"id": "Total hari", "en": "Total days"},
    "export.col_month_flag": {
        "id": "Bulan dengan TK banyak (periksa)",
        "en": "Month with many days absent (check)",
    },
    "export.col_nip": {"id": "NIP", "en": "NIP"},
    "export.col_name": {"id": "Nama", "en": "Name"},
    "export.col_months": {"id": "Bulan dilaporkan", "en": "Months reported"},
    "export.col_element": {"id": "Unsur", "en": "Element"},
    "export.col_respondents": {"id": "Responden", "en": "Respondents"},
    "export.col_required": {"id": "Minimum responden", "en": "Minimum respondents"},
    "export.col_grade": {"id": "Mutu", "en": "Grade"},
    "export.col_number": {"id": "Nomor", "en": "Number"},
    "export.col_received": {"id": "Tanggal Masuk", "en": "Received"},
    "export.col_channel": {"id": "Saluran", "en": "Channel"},
    "export.col_category": {"id": "Kategori", "en": "Category"},
    "export.col_summary": {"id": "Ringkasan", "en": "Summary"},
    "export.col_resolved": {"id": "Tanggal Selesai", "en": "Resolved"},
    "export.col_days": {"id": "Hari", "en": "Days"},
    "export.col_working_days": {"id": "Hari kerja", "en": "Working days"},
    "export.col_on_time": {"id": "Tepat waktu", "en": "On time"},
    "export.yes": {"id": "Ya", "en": "Yes"},
    "export.no": {"id": "Tidak", "en": "No"},
    "export.col_id": {"id": "ID", "en": "ID"},
    "export.col_domain": {"id": "Domain", "en": "Domain"},
    "export.col_unit_of": {"id": "Satuan", "en": "Unit"},
    "export.col_direction": {"id": "Arah", "en": "Direction"},
    "export.col_formula": {"id": "Rumus", "en": "Formula"},
    "export.col_standard": {"id": "Standar", "en": "Standard"},
    "export.col_green": {"id": "Ambang hijau", "en": "Green threshold"},
    "export.col_yellow": {"id": "Ambang kuning", "en": "Amber threshold"},
    "export.col_description": {"id": "Keterangan", "en": "Description"},
    "export.domain.orientasi_pelayanan": {"id": "Orientasi Pelayanan", "en": "Service Orientation"},
    "export.domain.disiplin": {"id": "Disiplin", "en": "Discipline"},
    "export.domain.integritas": {"id": "Integritas", "en": "Integrity"},
    "export.domain.komposit": {"id": "Indeks Komposit", "en": "Composite Indices"},
    "export.direction.higher": {"id": "lebih tinggi lebih baik", "en": "higher is better"},
    "export.direction.lower": {"id": "lebih rendah lebih baik", "en": "lower is better"},
    "export.direction.neutral": {"id": "netral (konteks)", "en": "neutral (context)"},
    "export.direction.target_range": {"id": "dalam rentang target", "en": "within target range"},
    "export.unit.percent": {"id": "persen", "en": "percent"},
    "export.unit.index": {"id": "indeks", "en": "index"},
    "export.unit.days": {"id": "hari", "en": "days"},
    "export.unit.count": {"id": "jumlah", "en": "count"},
    "export.unit.ratio": {"id": "rasio", "en": "ratio"},
    "unit.percent": {"id": "%", "en": "%"},
    "unit.index": {"id": "indeks", "en": "index"},
    "unit.days": {"id": "hari", "en": "days"},
    "unit.count": {"id": "jumlah", "en": "count"},
    "unit.ratio": {"id": "rasio", "en": "ratio"},
    "unit.ikm_scale": {"id": "skala 25–100", "en": "scale 25–100"},
    "unit.composite_scale": {"id": "skala 0–100", "en": "scale 0–100"},
    "common.province": {"id": "Provinsi", "en": "Province"},
    "scope.province": {"id": "Provinsi Jawa Timur", "en": "East Java province"},
    "scope.types": {"id": "Jenis {types} ({n} UPT)", "en": "Type {types} ({n} units)"},
    "scope.types_one": {"id": "Jenis {types} ({n} UPT)", "en": "Type {types} ({n} unit)"},
    "scope.selection": {"id": "Pilihan ({n} UPT)", "en": "Selection ({n} units)"},
    "scope.selection_one": {"id": "Pilihan ({n} UPT)", "en": "Selection ({n} unit)"},
    "scope.values_for": {
        "id": "Nilai untuk: {scope}. Pembanding: {province}.",
        "en": "Values for: {scope}. Reference: {province}.",
    },
    "scope.reference_value": {"id": "{province}: {value}", "en": "{province}: {value}"},
    "common.target": {"id": "Target", "en": "Target"},
    "common.yes": {"id": "Ya", "en": "Yes"},
    "common.no": {"id": "Tidak", "en": "No"},
    "common.download_csv": {"id": "Unduh data (CSV)", "en": "Download data (CSV)"},
    "common.no_data": {
        "id": "Belum ada laporan tersimpan. Unggah laporan bulanan di halaman Unggah Laporan; "
        "angka akan tampil di sini begitu laporan diterima.",
        "en": "No reports stored yet. Upload a monthly report on the Upload Report page; "
        "figures appear here as soon as a report is accepted.",
    },
    "common.no_data_period": {
        "id": "Belum ada laporan untuk {period} dalam cakupan ini. Pilih periode lain di "
        "filter samping, atau lihat halaman Kelengkapan Laporan untuk UPT yang belum lapor.",
        "en": "No reports for {period} in this scope yet. Pick another period in the sidebar, "
        "or see the Report Completeness page for the units that have not reported.",
    },
    "chart.caption": {
        "id": "Periode: {period}<br>Sumber: {source}",
        "en": "Period: {period}<br>Source: {source}",
    },
    "chart.source": {
        "id": "laporan bulanan UPT, Dinas Sosial Provinsi Jawa Timur",
        "en": "UPT monthly reports, East Java Provincial Social Services Office",
    },
    "chart.source_sample": {
        "id": "DATA CONTOH (sample_data/), bukan laporan UPT sebenarnya",
        "en": "SAMPLE DATA (sample_data/), not real UPT reports",
    },
    "axis.month": {"id": "Bulan", "en": "Month"},
    "axis.quarter": {"id": "Triwulan", "en": "Quarter"},
    "axis.year": {"id": "Tahun", "en": "Year"},
    "axis.people": {"id": "Orang", "en": "People"},
    "axis.percent": {"id": "Persen (%)", "en": "Percent (%)"},
    "axis.count": {"id": "Jumlah", "en": "Count"},
    "axis.nrr": {
        "id": "Nilai rata-rata unsur (NRR, skala 1–4)",
        "en": "Mean element score (NRR, scale 1–4)",
    },
    "grain.month": {"id": "Bulan", "en": "Month"},
    "grain.quarter": {"id": "Triwulan", "en": "Quarter"},
    "grain.year": {"id": "Tahun", "en": "Year"},
    "level.unit": {"id": "Per UPT", "en": "By unit"},
    "level.type": {"id": "Per jenis UPT", "en": "By unit type"},
    "level.province": {"id": "Provinsi", "en": "Province"},
    "filters.header": {"id": "Filter", "en": "Filters"},
    "filters.grain": {"id": "Satuan waktu", "en": "Time unit"},
    "filters.period": {"id": "Periode", "en": "Period"},
    "filters.types": {"id": "Jenis UPT", "en": "Unit types"},
    "filters.all_types": {"id": "Semua jenis", "en": "All types"},
    "filters.units": {"id": "UPT", "en": "Units"},
    "filters.all_units": {"id": "Semua UPT", "en": "All units"},
    "filters.unit": {"id": "UPT yang ditampilkan", "en": "Unit shown"},
    "filters.n_units": {"id": "{n} UPT terpilih", "en": "{n} units chosen"},
    "filters.n_units_one": {"id": "{n} UPT terpilih", "en": "{n} unit chosen"},
    "filters.types_units": {"id": "{types} ({n} UPT)", "en": "{types} ({n} units)"},
    "filters.types_units_one": {"id": "{types} ({n} UPT)", "en": "{types} ({n} unit)"},
    "filters.all_units_n": {"id": "semua UPT ({n})", "en": "all units ({n})"},
    "col.unit": {"id": "UPT", "en": "Unit"},
    "col.type": {"id": "Jenis", "en": "Type"},
    "col.period": {"id": "Periode", "en": "Period"},
    "col.indicator": {"id": "Indikator", "en": "Indicator"},
    "col.target": {"id": "Target", "en": "Target"},
    "col.previous": {"id": "Periode sebelumnya", "en": "Previous period"},
    "col.change": {"id": "Perubahan", "en": "Change"},
    "col.n": {"id": "Dasar perhitungan (n)", "en": "Basis (n)"},
    "col.rank": {"id": "Peringkat", "en": "Rank"},
    "col.kind": {"id": "Jenis temuan", "en": "Kind"},
    "col.detail": {"id": "Keterangan", "en": "Detail"},
    "col.median": {"id": "Median riwayat", "en": "History median"},
    "col.robust_z": {"id": "z robust", "en": "Robust z"},
    "col.reason": {"id": "Alasan", "en": "Reason"},
    # the TK sanction ladder (indicators.early_warning.LADDER), by days
    "ikm.grade_A": {"id": "Sangat Baik", "en": "Very good"},
    "ikm.grade_B": {"id": "Baik", "en": "Good"},
    "ikm.grade_C": {"id": "Kurang Baik", "en": "Poor"},
    "ikm.grade_D": {"id": "Tidak Baik", "en": "Very poor"},
    "quality.anomaly_reason_trend": {
        "id": "{indicator} memburuk terus dari median {median} ke {value} (uji Mann-Kendall, "
        "Z {z}). Cari penyebabnya sebelum menjadi merah.",
        "en": "{indicator} keeps getting worse, from a median of {median} to {value} "
        "(Mann-Kendall test, Z {z}). Find the cause before it turns red.",
    },
    "quality.anomaly_reason_above": {
        "id": "{indicator} {value} jauh di atas riwayat UPT ini (median {median}; z robust "
        "{z} > {limit}). Periksa kembali isian laporan bulan ini.",
        "en": "{indicator} {value} is far above this unit's history (median {median}; robust "
        "z {z} > {limit}). Check this month's report entries.",
    },
    "quality.anomaly_reason_below": {
        "id": "{indicator} {value} jauh di bawah riwayat UPT ini (median {median}; z robust "
        "{z} > {limit}). Periksa kembali isian laporan bulan ini.",
        "en": "{indicator} {value} is far below this unit's history (median {median}; robust "
        "z {z} > {limit}). Check this month's report entries.",
    },
    "col.number": {"id": "Nomor", "en": "Number"},
    "col.received": {"id": "Tanggal masuk", "en": "Received"},
    "col.channel": {"id": "Saluran", "en": "Channel"},
    "col.category": {"id": "Kategori", "en": "Category"},
    "col.resolved_on": {"id": "Tanggal selesai", "en": "Resolved on"},
    "col.days": {"id": "Hari kalender", "en": "Calendar days"},
    "col.on_time": {"id": "Tepat waktu", "en": "On time"},
    "col.nip": {"id": "NIP", "en": "NIP"},
    "col.name": {"id": "Nama", "en": "Name"},
    "col.staff_status": {"id": "Status pegawai", "en": "Employment status"},
    "col.tk_ytd": {
        "id": "TK sejak Januari (hari)",
        "en": "Unexplained absence since January (days)",
    },
    "col.reached": {"id": "Ambang tercapai", "en": "Threshold reached"},
    "col.next": {"id": "Ambang berikutnya", "en": "Next threshold"},
    "col.units": {"id": "UPT tahun ini", "en": "Units this year"},
    "col.tk_days": {"id": "TK (hari)", "en": "Unexplained absence (days)"},
    "col.late_days": {
        "id": "Terlambat + pulang cepat (hari)",
        "en": "Late arrival + early departure (days)",
    },
    "col.total_days": {"id": "Total (hari)", "en": "Total (days)"},
    "col.note": {"id": "Catatan", "en": "Note"},
    "early.minimum": {"id": "{value} (perkiraan minimal)", "en": "{value} (minimum estimate)"},
    "early.month_flag": {
        "id": "{days} hari TK pada {month}: periksa apakah berturut-turut",
        "en": "{days} days absent in {month}: check whether consecutive",
    },
    "col.days_left": {"id": "Sisa hari", "en": "Days left"},
    "col.threshold": {
        "id": "Ambang TK + keterlambatan (PP 94/2021)",
        "en": "Absence + lateness threshold (PP 94/2021)",
    },
    "col.employees": {"id": "Pegawai", "en": "Employees"},
    "col.deadline": {"id": "Batas unggah", "en": "Deadline"},
    "col.days_overdue": {"id": "Hari terlambat", "en": "Days overdue"},
    "col.formula": {"id": "Rumus", "en": "Formula"},
    "col.unit_measure": {"id": "Satuan", "en": "Unit"},
    "col.direction": {"id": "Arah", "en": "Direction"},
    "col.applies_to": {"id": "Berlaku untuk", "en": "Applies to"},
    "col.green_from": {"id": "Ambang hijau", "en": "Green threshold"},
    "col.yellow_from": {"id": "Ambang kuning", "en": "Yellow threshold"},
    "col.standard": {"id": "Dasar aturan", "en": "Standard"},
    "col.description": {"id": "Penjelasan", "en": "Description"},
    "col.weight": {"id": "Bobot", "en": "Weight"},
    "col.floor": {"id": "Batas bawah (skor 0)", "en": "Floor (score 0)"},
    # Ringkasan
    "nav.overview": {"id": "Ringkasan", "en": "Overview"},
    "overview.title": {
        "id": "Ringkasan Kualitas Layanan UPT",
        "en": "UPT Service Quality Overview",
    },
    "card.help": {
        "id": "Rumus: {formula}. Status: {bands}. Dasar: {n} {n_label}.",
        "en": "Formula: {formula}. Status: {bands}. Basis: {n} {n_label}.",
    },
    "card.vs": {"id": "dibanding {period}", "en": "vs {period}"},
    "overview.composite_trend": {
        "id": "Tren indeks komposit: {scope}",
        "en": "Trend of the composite indices: {scope}",
    },
    "overview.attention": {"id": "Perlu perhatian ({n} UPT)", "en": "Needs attention ({n} units)"},
    "overview.attention_one": {
        "id": "Perlu perhatian ({n} UPT)",
        "en": "Needs attention ({n} unit)",
    },
    "overview.attention_intro": {
        "id": "Satu baris per UPT, yang paling mendesak di atas. Merah (perlu perhatian): "
        "laporan belum masuk, indikator di bawah ambang Waspada, pengaduan lewat jatuh tempo "
        "({days} hari kerja), tanda integritas U4, pegawai TK {tk} hari atau lebih sebulan. "
        "Kuning (waspada): laporan terlambat, responden IKM kurang, nilai tidak biasa, "
        "pegawai mencapai ambang PP 94/2021. Klik nama UPT untuk membuka profilnya.",
        "en": "One row per unit, the most urgent first. Red (needs attention): a report "
        "missing, an indicator below its watch threshold, complaints past due ({days} working "
        "days), a U4 integrity signal, staff absent {tk} days or more in a month. Amber "
        "(watch): a late report, too few IKM respondents, an unusual value, staff reaching a "
        "PP 94/2021 threshold. Click a unit's name to open its profile.",
    },
    "overview.attention_capped": {
        "id": "{shown} dari {total} UPT ditampilkan, yang paling mendesak di atas. Unduhan CSV "
        "memuat semua UPT.",
        "en": "{shown} of {total} units shown, the most urgent first. The CSV download holds "
        "every unit.",
    },
    "overview.attention_none": {
        "id": "Tidak ada UPT yang perlu perhatian pada periode ini: semua laporan masuk tepat "
        "waktu dan tidak ada indikator merah, pengaduan lewat jatuh tempo atau nilai tidak "
        "biasa.",
        "en": "No unit needs attention in this period: every report came in on time and there "
        "are no red indicators, complaints past due or unusual values.",
    },
    "overview.summary": {"id": "Ringkasan bulan ini", "en": "This month in brief"},
    "overview.scorecard": {
        "id": "Kartu skor UPT × indikator",
        "en": "Scorecard: units × indicators",
    },
    "overview.scorecard_rule": {"id": "Ambang status", "en": "Status thresholds"},
    "overview.scorecard_legend": {
        "id": "✓ baik (hijau) · ! waspada (kuning) · ✕ perlu perhatian (merah) · "
        "— belum ada data · sel kosong: indikator tidak berlaku untuk jenis UPT itu.",
        "en": "✓ good (green) · ! watch (yellow) · ✕ needs attention (red) · "
        "— no data yet · empty cell: the indicator does not apply to that unit type.",
    },
    "overview.ranking": {"id": "Peringkat UPT", "en": "Unit ranking"},
    "overview.scorecard_capped": {
        "id": "{shown} dari {total} UPT ditampilkan: yang paling banyak merah, lalu kuning. "
        "Unduhan CSV memuat semua UPT.",
        "en": "{shown} of {total} units shown: those with the most red, then yellow. "
        "The CSV download holds every unit.",
    },
    "overview.ranking_capped": {
        "id": "{half} UPT teratas dan {half} terbawah dari {total}; semua UPT ada di "
        "halaman {compare} dan di unduhan data grafik.",
        "en": "The top {half} and bottom {half} of {total} units; every unit is on the "
        "{compare} page and in the chart's data download.",
    },
    "overview.ranking_indicator": {"id": "Indikator peringkat", "en": "Ranking indicator"},
    "overview.ranking_title": {
        "id": "Peringkat UPT: {indicator}",
        "en": "Unit ranking: {indicator}",
    },
    "col.reasons": {"id": "Alasan", "en": "Reasons"},
    "col.bands": {"id": "Ambang status", "en": "Status thresholds"},
    "attention.reason.missing": {
        "id": "laporan {months} belum masuk",
        "en": "no report yet for {months}",
    },
    "attention.reason.late": {
        "id": "laporan {months} masuk terlambat",
        "en": "the report for {months} came in late",
    },
    "attention.rule.deadline": {"id": "tenggat {deadline}", "en": "deadline {deadline}"},
    "attention.rule.deadline_day": {
        "id": "tenggat tanggal {day} bulan berikutnya",
        "en": "deadline: day {day} of the next month",
    },
    "attention.reason.backlog": {
        "id": "{n} pengaduan lewat jatuh tempo, tertua {age} hari kerja",
        "en": "{n} complaints past due, the oldest {age} working days",
    },
    "attention.reason.backlog_one": {
        "id": "{n} pengaduan lewat jatuh tempo, tertua {age} hari kerja",
        "en": "{n} complaint past due, {age} working days",
    },
    "attention.rule.backlog": {
        "id": "jatuh tempo {days} hari kerja setelah diterima",
        "en": "due {days} working days after receipt",
    },
    "attention.reason.integrity": {
        "id": "{below} dari {n} responden menilai Biaya/Tarif (U4) di bawah 4",
        "en": "{below} of {n} respondents scored Cost/fees (U4) below 4",
    },
    "attention.rule.integrity": {
        "id": "UPT ini tidak memungut biaya: kemungkinan pungutan liar",
        "en": "this unit charges nothing: a possible illegal levy",
    },
    "attention.reason.crossed": {
        "id": "{n} pegawai mencapai ambang hukuman disiplin baru",
        "en": "{n} employees reached a new disciplinary threshold",
    },
    "attention.reason.crossed_one": {
        "id": "{n} pegawai mencapai ambang hukuman disiplin baru",
        "en": "{n} employee reached a new disciplinary threshold",
    },
    "attention.reason.flagged": {
        "id": "{n} pegawai TK {days} hari atau lebih dalam sebulan",
        "en": "{n} employees absent without reason {days} days or more in a month",
    },
    "attention.reason.flagged_one": {
        "id": "{n} pegawai TK {days} hari atau lebih dalam sebulan",
        "en": "{n} employee absent without reason {days} days or more in a month",
    },
    "attention.rule.flagged": {
        "id": "periksa: 10 hari kerja berturut-turut adalah alasan pemberhentian PNS",
        "en": "check: 10 consecutive working days are grounds for dismissing a civil servant",
    },
    "attention.reason.sample": {
        "id": "{n} responden IKM dari {required} yang diperlukan",
        "en": "{n} IKM respondents of the {required} required",
    },
    "attention.reason.red": {"id": "{indicator} {value}", "en": "{indicator} {value}"},
    "attention.reason.grade": {"id": "{value}, mutu {grade}", "en": "{value}, grade {grade}"},
    "attention.reason.trend": {
        "id": "memburuk terus selama {months} bulan",
        "en": "getting worse for {months} months running",
    },
    "attention.reason.outlier_worse": {
        "id": "jauh lebih buruk dari biasanya",
        "en": "far worse than usual",
    },
    "attention.reason.outlier_better": {
        "id": "jauh lebih baik dari biasanya: periksa isian laporan",
        "en": "far better than usual: check the report entries",
    },
    "attention.rule.median": {"id": "median {median}", "en": "median {median}"},
    "attention.reason.also": {"id": "juga {tail}", "en": "also {tail}"},
    "band.outside": {"id": "di luar {span}", "en": "outside {span}"},
    "band.red_below": {
        "id": "perlu perhatian di bawah {value}",
        "en": "needs attention below {value}",
    },
    "band.red_above": {
        "id": "perlu perhatian di atas {value}",
        "en": "needs attention above {value}",
    },
    "band.red_outside": {
        "id": "perlu perhatian di luar {low}–{high}",
        "en": "needs attention outside {low}–{high}",
    },
    # The month in one paragraph (views.summary)
    "summary.opening": {"id": "{period}, {scope}:", "en": "{period}, {scope}:"},
    "summary.on_time_unit": {
        "id": "{on_time} dari {due} UPT mengirim laporan tepat waktu (tenggat {deadline})",
        "en": "{on_time} of {due} units sent their report on time (deadline {deadline})",
    },
    "summary.on_time_unit_months": {
        "id": "{on_time} dari {due} laporan UPT-bulan masuk tepat waktu (tenggat terakhir "
        "{deadline})",
        "en": "{on_time} of {due} unit-month reports came in on time (last deadline {deadline})",
    },
    "summary.all_on_time_unit": {
        "id": "semua {n} UPT mengirim laporan tepat waktu (tenggat {deadline}).",
        "en": "all {n} units sent their report on time (deadline {deadline}).",
    },
    "summary.all_on_time_unit_months": {
        "id": "semua {n} laporan UPT-bulan masuk tepat waktu (tenggat terakhir {deadline}).",
        "en": "all {n} unit-month reports came in on time (last deadline {deadline}).",
    },
    "summary.not_due_unit": {
        "id": "tenggat laporan ({deadline}) belum lewat; {sent} dari {total} UPT sudah mengirim.",
        "en": "the report deadline ({deadline}) has not passed; {sent} of {total} units have "
        "sent theirs.",
    },
    "summary.not_due_unit_months": {
        "id": "tenggat laporan terakhir ({deadline}) belum lewat; {sent} dari {total} laporan "
        "UPT-bulan sudah masuk.",
        "en": "the last report deadline ({deadline}) has not passed; {sent} of {total} "
        "unit-month reports are in.",
    },
    "summary.late_and_missing": {
        "id": "{late} terlambat dan {missing} belum masuk",
        "en": "{late} late and {missing} missing",
    },
    "summary.late_only": {"id": "{late} terlambat", "en": "{late} late"},
    "summary.missing_only": {"id": "{missing} belum masuk", "en": "{missing} missing"},
    "summary.ikm_none": {
        "id": "Belum ada survei IKM pada periode ini.",
        "en": "No IKM survey in this period yet.",
    },
    "summary.ikm_grade": {"id": "mutu {grade} ({label})", "en": "grade {grade} ({label})"},
    "summary.ikm": {"id": "IKM {value}, {grade}.", "en": "The IKM is {value}, {grade}."},
    "summary.ikm_change": {
        "id": "IKM {value}, {grade}, {moved}.",
        "en": "The IKM is {value}, {grade}, {moved}.",
    },
    "summary.ikm_up": {
        "id": "naik {change} poin dari {before}",
        "en": "up {change} points on {before}",
    },
    "summary.ikm_down": {
        "id": "turun {change} poin dari {before}",
        "en": "down {change} points on {before}",
    },
    "summary.ikm_same": {"id": "sama dengan {before}", "en": "the same as in {before}"},
    "summary.attention_none": {
        "id": "Tidak ada UPT yang perlu perhatian.",
        "en": "No unit needs attention.",
    },
    "summary.attention": {"id": "{n} UPT perlu perhatian: ", "en": "{n} units need attention: "},
    "summary.attention_one": {
        "id": "{n} UPT perlu perhatian: ",
        "en": "{n} unit needs attention: ",
    },
    "summary.watch_also": {"id": "; {n} UPT lain waspada", "en": "; {n} more on watch"},
    "summary.watch_only": {
        "id": "Tidak ada UPT yang perlu perhatian; {n} UPT waspada: ",
        "en": "No unit needs attention; {n} on watch: ",
    },
    "summary.others": {"id": "{n} UPT lain", "en": "{n} more"},
    "summary.and": {"id": "dan", "en": "and"},
    # Tren
    "nav.trend": {"id": "Tren", "en": "Trends"},
    "trend.title": {"id": "Tren Indikator", "en": "Indicator Trends"},
    "trend.indicators": {"id": "Indikator", "en": "Indicators"},
    "trend.pick_indicator": {
        "id": "Pilih satu atau lebih indikator",
        "en": "Pick one or more indicators",
    },
    "trend.level": {"id": "Tampilkan", "en": "Show"},
    "trend.range": {"id": "Rentang: {range} · {scope}", "en": "Range: {range} · {scope}"},
    "trend.no_indicator": {
        "id": "Pilih minimal satu indikator di atas untuk melihat trennya.",
        "en": "Pick at least one indicator above to see its trend.",
    },
    "trend.no_values": {
        "id": "{indicator}: belum ada nilai dalam cakupan ini (indikator tidak berlaku untuk UPT "
        "terpilih atau laporan belum masuk). Ubah UPT atau jenis UPT di filter samping.",
        "en": "{indicator}: no values in this scope (the indicator does not apply to the chosen "
        "units or no reports yet). Change units or unit types in the sidebar.",
    },
    "trend.many_units_hint": {
        "id": "Semua UPT ditampilkan. Pilih beberapa UPT di filter samping agar garis lebih mudah "
        "dibandingkan.",
        "en": "All units are shown. Pick a few units in the sidebar to compare lines more easily.",
    },
    # Perbandingan
    "nav.compare": {"id": "Perbandingan UPT", "en": "Unit Comparison"},
    "compare.title": {"id": "Perbandingan UPT", "en": "Unit Comparison"},
    "compare.indicator": {"id": "Indikator", "en": "Indicator"},
    "compare.chart_title": {"id": "{indicator}, {period}", "en": "{indicator}, {period}"},
    "compare.province_value": {"id": "Provinsi {value}", "en": "Province {value}"},
    "compare.no_values": {
        "id": "Belum ada nilai {indicator} untuk {period} dalam cakupan ini. Pilih periode atau "
        "indikator lain.",
        "en": "No {indicator} values for {period} in this scope. Pick another period or indicator.",
    },
    "compare.without_value": {"id": "Belum ada data: {units}.", "en": "No data yet: {units}."},
    "compare.not_applicable": {
        "id": "{n} UPT tidak dinilai karena indikator ini tidak berlaku untuk jenisnya.",
        "en": "{n} units are not ranked: the indicator does not apply to their type.",
    },
    "compare.not_applicable_one": {
        "id": "{n} UPT tidak dinilai karena indikator ini tidak berlaku untuk jenisnya.",
        "en": "{n} unit is not ranked: the indicator does not apply to its type.",
    },
    # Profil UPT
    "nav.profile": {"id": "Profil UPT", "en": "Unit Profile"},
    "profile.title": {"id": "Profil UPT", "en": "Unit Profile"},
    "profile.header": {
        "id": "{name} · {type} · {city} · daya tampung {capacity} · {period}",
        "en": "{name} · {type} · {city} · capacity {capacity} · {period}",
    },
    "profile.no_report": {
        "id": "{unit} belum punya laporan untuk {period}. Unggah laporannya di halaman Unggah "
        "Laporan, atau pilih periode lain.",
        "en": "{unit} has no report for {period}. Upload it on the Upload Report page, or pick "
        "another period.",
    },
    "profile.indicators": {
        "id": "Semua indikator yang berlaku",
        "en": "Every applicable indicator",
    },
    "profile.ikm": {
        "id": "Survei kepuasan (IKM) per unsur",
        "en": "Satisfaction survey (IKM) by element",
    },
    "profile.ikm_title": {
        "id": "IKM {value} (mutu {grade}) — nilai per unsur",
        "en": "IKM {value} (grade {grade}) — score by element",
    },
    "profile.weakest": {"id": "terlemah", "en": "weakest"},
    "profile.no_survey": {
        "id": "Tidak ada responden survei pada {period}. Survei diisi di lembar Survei Kepuasan "
        "laporan bulanan.",
        "en": "No survey respondents in {period}. The survey goes in the Survei Kepuasan sheet "
        "of the monthly report.",
    },
    "profile.sample_small": {
        "id": "Responden {n}, kurang dari {required} yang diminta tabel Krejcie–Morgan untuk "
        "jumlah PM yang dilayani. IKM tetap ditampilkan; tafsirkan dengan hati-hati.",
        "en": "{n} respondents, fewer than the {required} the Krejcie–Morgan table asks for the "
        "people served. The IKM is shown; read it with care.",
    },
    "profile.flows": {
        "id": "Penerima manfaat: masuk, keluar, keterisian",
        "en": "Residents: admissions, exits, occupancy",
    },
    "profile.flows_title": {
        "id": "PM masuk dan keluar menurut alasan",
        "en": "Residents admitted and leaving, by reason",
    },
    "profile.occupancy_title": {
        "id": "PM akhir bulan dibanding daya tampung",
        "en": "Residents at month end against capacity",
    },
    "profile.no_flows": {
        "id": "Belum ada data penerima manfaat untuk {period}.",
        "en": "No resident data for {period} yet.",
    },
    "profile.residents": {"id": "PM akhir bulan", "en": "Residents at month end"},
    "profile.capacity": {"id": "Daya tampung", "en": "Capacity"},
    "profile.pm_masuk": {"id": "Masuk", "en": "Admitted"},
    "profile.pm_keluar_reintegrasi": {"id": "Keluar: reintegrasi", "en": "Left: reintegration"},
    "profile.pm_keluar_rujukan": {"id": "Keluar: rujukan", "en": "Left: referral"},
    "profile.pm_keluar_meninggal": {"id": "Keluar: meninggal", "en": "Left: died"},
    "profile.pm_keluar_lainnya": {"id": "Keluar: lainnya", "en": "Left: other"},
    "profile.discipline": {"id": "Disiplin pegawai", "en": "Staff discipline"},
    "profile.discipline_title": {
        "id": "Kehadiran, ketepatan waktu dan apel",
        "en": "Attendance, punctuality and roll call",
    },
    "profile.no_staff": {
        "id": "Belum ada data kehadiran pegawai untuk {period}.",
        "en": "No staff attendance data for {period} yet.",
    },
    "profile.complaints": {
        "id": "Pengaduan yang masuk dalam periode",
        "en": "Complaints received in the period",
    },
    "profile.no_complaints": {
        "id": "Tidak ada pengaduan yang masuk pada {period}.",
        "en": "No complaints were received in {period}.",
    },
    "profile.early_warning": {
        "id": "Peringatan dini disiplin (PP 94/2021)",
        "en": "Discipline early warning (PP 94/2021)",
    },
    "profile.early_warning_intro": {
        "id": "Pegawai yang hari tanpa keterangan (TK) ditambah keterlambatan dan pulang cepat "
        "(menit ÷ 450 = hari) sejak Januari sampai {month}, di UPT mana pun ia dilaporkan, "
        "sudah mencapai ambang hukuman disiplin atau tinggal satu hari lagi, atau yang TK-nya "
        "10 hari atau lebih dalam sebulan. Tangga sanksi mengikuti status kepegawaian. Data "
        "pribadi: hanya untuk operator UPT ini dan administrator.",
        "en": "Employees whose days absent without explanation plus late arrival and early "
        "departure (minutes ÷ 450 = days) since January up to {month}, in whichever unit they "
        "reported, have reached a disciplinary threshold or are one day from it, or who were "
        "absent 10 days or more in one month. The ladder follows the employment status. "
        "Personal data: only for this unit's operator and administrators.",
    },
    "profile.early_warning_none": {
        "id": "Tidak ada pegawai yang mendekati ambang hukuman disiplin.",
        "en": "No employee is near a disciplinary threshold.",
    },
    "profile.early_warning_restricted": {
        "id": "Daftar nama hanya untuk operator UPT ini dan administrator. Berikut jumlah "
        "pegawainya saja.",
        "en": "The list of names is only for this unit's operator and administrators. "
        "Here are the counts only.",
    },
    "profile.tk_threshold": {"id": "≥ {days} hari", "en": "≥ {days} days"},
    "composite.used": {"id": "{n}/{total} komponen", "en": "{n}/{total} components"},
    "composite.reason.no_report": {"id": "tanpa laporan", "en": "no report"},
    "composite.reason.too_few_components": {
        "id": "komponen kurang: {n}/{total}",
        "en": "too few components: {n}/{total}",
    },
    "complaint.resolved": {"id": "Selesai", "en": "Resolved"},
    "complaint.open": {"id": "Proses", "en": "In progress"},
    "complaint.not_due": {
        "id": "Proses — belum jatuh tempo",
        "en": "In progress — not yet due",
    },
    "complaint.overdue": {"id": "Proses — lewat tenggat", "en": "In progress — overdue"},
    "col.due": {"id": "Jatuh tempo", "en": "Due"},
    "col.as_of": {"id": "Per tanggal", "en": "As of"},
    "col.age_working_days": {"id": "Umur (hari kerja)", "en": "Age (working days)"},
    "col.overdue_working_days": {
        "id": "Lewat tenggat (hari kerja)",
        "en": "Past due (working days)",
    },
    "profile.overdue_beside": {
        "id": "{n} terbuka lewat tenggat",
        "en": "{n} open past due",
    },
    "backlog.title": {
        "id": "Tunggakan pengaduan (terbuka, lewat tenggat)",
        "en": "Complaint backlog (open, past due)",
    },
    "backlog.intro": {
        "id": "Pengaduan yang masih terbuka per {day} padahal sudah lewat {days} hari kerja "
        "sejak diterima. Setiap UPT dinilai menurut laporan terbarunya.",
        "en": "Complaints still open on {day} although more than {days} working days have "
        "passed since receipt. Each unit is judged on its newest report.",
    },
    "backlog.capped": {
        "id": "{shown} pengaduan tertua dari {total} ditampilkan. Unduhan CSV memuat semuanya.",
        "en": "The {shown} oldest of {total} complaints shown. The CSV download holds them all.",
    },
    "backlog.none": {
        "id": "Tidak ada pengaduan terbuka yang lewat tenggat.",
        "en": "No open complaint is past its due date.",
    },
    "ikm.u1": {"id": "Persyaratan", "en": "Requirements"},
    "ikm.u2": {"id": "Sistem, Mekanisme dan Prosedur", "en": "Systems, mechanisms and procedures"},
    "ikm.u3": {"id": "Waktu Penyelesaian", "en": "Completion time"},
    "ikm.u4": {"id": "Biaya/Tarif", "en": "Cost/fees"},
    "ikm.u5": {"id": "Produk Spesifikasi Jenis Pelayanan", "en": "Service products"},
    "ikm.u6": {"id": "Kompetensi Pelaksana", "en": "Staff competence"},
    "ikm.u7": {"id": "Perilaku Pelaksana", "en": "Staff conduct"},
    "ikm.u8": {"id": "Sarana dan Prasarana", "en": "Facilities"},
    "ikm.u9": {
        "id": "Penanganan Pengaduan, Saran dan Masukan",
        "en": "Handling of complaints and suggestions",
    },
    # Kelengkapan Laporan
    "nav.completeness": {"id": "Kelengkapan Laporan", "en": "Report Completeness"},
    "completeness.title": {"id": "Kelengkapan Laporan", "en": "Report Completeness"},
    "completeness.intro": {
        "id": "Laporan bulanan wajib diunggah paling lambat tanggal {day} bulan berikutnya "
        "(akhir hari, WIB). Tepat waktu dinilai dari unggahan pertama.",
        "en": "Monthly reports are due by day {day} of the following month (end of day, "
        "Jakarta time). Timeliness counts the first upload.",
    },
    "completeness.owing": {"id": "Belum melapor: {month}", "en": "Still owing: {month}"},
    "completeness.owing_none": {
        "id": "Semua UPT dalam cakupan sudah mengunggah laporan {month}.",
        "en": "Every unit in scope has uploaded its {month} report.",
    },
    "completeness.calendar": {"id": "Kalender laporan {range}", "en": "Report calendar {range}"},
    "completeness.chart_title": {
        "id": "Laporan per UPT per bulan",
        "en": "Reports by unit and month",
    },
    "completeness.metric_completeness": {"id": "Kelengkapan", "en": "Completeness"},
    "completeness.metric_timeliness": {"id": "Tepat waktu", "en": "On time"},
    "completeness.metric_late": {"id": "Laporan terlambat", "en": "Late reports"},
    "completeness.metric_missing": {"id": "Laporan belum masuk", "en": "Missing reports"},
    "report_state.on_time": {"id": "Tepat waktu", "en": "On time"},
    "report_state.late": {"id": "Terlambat", "en": "Late"},
    "report_state.missing": {"id": "Belum masuk", "en": "Missing"},
    "report_state.not_due": {"id": "Belum jatuh tempo", "en": "Not yet due"},
    # Kualitas Data
    "nav.quality": {"id": "Kualitas Data", "en": "Data Quality"},
    "quality.title": {"id": "Kualitas Data", "en": "Data Quality"},
    "quality.chart_title": {"id": "Temuan per UPT", "en": "Findings by unit"},
    "quality.anomalies_series": {"id": "Anomali", "en": "Anomalies"},
    "quality.warnings_series": {"id": "Peringatan unggahan", "en": "Upload warnings"},
    "quality.anomalies": {"id": "Anomali nilai ({n})", "en": "Value anomalies ({n})"},
    "quality.anomalies_intro": {
        "id": "Nilai yang jauh dari riwayat UPT itu sendiri (z robust di atas {z}, median dan "
        "MAD, paling sedikit {history} bulan riwayat). Periksa isian laporannya; anomali "
        "belum tentu salah.",
        "en": "Values far from the unit's own history (robust z above {z}, median and MAD, at "
        "least {history} months of history). Check the report; an anomaly is not "
        "necessarily an error.",
    },
    "quality.anomalies_none": {
        "id": "Tidak ada anomali pada {period}.",
        "en": "No anomalies in {period}.",
    },
    "quality.warnings": {"id": "Peringatan saat unggah ({n})", "en": "Warnings at upload ({n})"},
    "quality.warnings_intro": {
        "id": "Peringatan tidak menghalangi penyimpanan, tetapi sebaiknya diperiksa UPT. Hanya "
        "versi laporan yang berlaku.",
        "en": "Warnings do not block storing, but the unit should check them. Current report "
        "versions only.",
    },
    "quality.warnings_none": {
        "id": "Tidak ada peringatan pada laporan {period}.",
        "en": "No warnings on the {period} reports.",
    },
    # Definisi Indikator
    "nav.definitions": {"id": "Definisi Indikator", "en": "Indicator Definitions"},
    "definitions.title": {"id": "Definisi Indikator", "en": "Indicator Definitions"},
    "definitions.intro": {
        "id": "Dibuat otomatis dari katalog indikator dan config/indicators.toml: yang tertulis "
        "di sini adalah yang dihitung.",
        "en": "Generated from the indicator catalogue and config/indicators.toml: what is written "
        "here is what is computed.",
    },
    "definitions.rules": {"id": "Aturan umum", "en": "General rules"},
    "definitions.rules_text": {
        "id": "- Rasio = **Σ pembilang ÷ Σ penyebut** atas semua UPT dan bulan dalam cakupan, "
        "bukan rata-rata rasio.\n- Hanya versi laporan yang berlaku yang dihitung.\n"
        "- Batas unggah: tanggal {day} bulan berikutnya.\n- Pengaduan jatuh tempo {days} "
        "hari kerja sesudah diterima (standar layanan Dinas; libur nasional dan cuti bersama "
        "tidak dihitung) dan dihitung sekali, pada periode jatuh temponya; yang belum jatuh "
        "tempo bukan kegagalan.\n- Warna dinilai pada nilai yang dibulatkan setengah ke atas "
        "seperti ditampilkan (seperti ROUND di Excel).",
        "en": "- Ratio = **Σ numerator ÷ Σ denominator** over every unit and month in scope, "
        "never a mean of ratios.\n- Only the current version of each report counts.\n"
        "- Upload deadline: day {day} of the following month.\n- A complaint falls due "
        "{days} working days after receipt (a service standard of the provincial office; "
        "public holidays and collective leave days excluded) and counts once, in the period "
        "it falls due; one not yet due is not a failure.\n- Colours are judged on the value "
        "rounded half up as shown (as Excel's ROUND).",
    },
    "definitions.all_types": {"id": "semua jenis", "en": "all types"},
    "definitions.components": {"id": "Komponen {name}", "en": "Components of {name}"},
    "definitions.ikm_bands": {
        "id": "Mutu pelayanan IKM (PermenPAN-RB 14/2017)",
        "en": "IKM service grades (PermenPAN-RB 14/2017)",
    },
    "domain.komposit": {"id": "Indeks komposit", "en": "Composite indices"},
    "domain.orientasi_pelayanan": {"id": "Orientasi pelayanan", "en": "Service orientation"},
    "domain.disiplin": {"id": "Disiplin", "en": "Discipline"},
    "domain.integritas": {"id": "Integritas dan citra lembaga", "en": "Integrity and image"},
    "direction.higher": {"id": "makin tinggi makin baik", "en": "higher is better"},
    "direction.lower": {"id": "makin rendah makin baik", "en": "lower is better"},
    "direction.neutral": {"id": "netral (konteks)", "en": "neutral (context)"},
    "direction.target_range": {"id": "dalam rentang target", "en": "within the target range"},
    # --- accounts, sign-in, roles (upt_dashboard.access, ui.auth) ---------------------
    "auth.title": {"id": "Masuk ke Dasbor", "en": "Sign in to the Dashboard"},
    "auth.intro": {
        "id": "Masuk dengan akun yang diberikan administrator Dinas Sosial.",
        "en": "Sign in with the account the social-services office administrator gave you.",
    },
    "auth.username": {"id": "Nama pengguna", "en": "Username"},
    "auth.password": {"id": "Kata sandi", "en": "Password"},
    "auth.submit": {"id": "Masuk", "en": "Sign in"},
    "auth.signout": {"id": "Keluar", "en": "Sign out"},
    "auth.signed_in_as": {
        "id": "Masuk sebagai **{name}** ({role})",
        "en": "Signed in as **{name}** ({role})",
    },
    "auth.signed_in_unit": {
        "id": "Masuk sebagai **{name}** ({role}, {unit})",
        "en": "Signed in as **{name}** ({role}, {unit})",
    },
    "signin.invalid": {
        "id": "Nama pengguna atau kata sandi salah.",
        "en": "Wrong username or password.",
    },
    "signin.locked": {
        "id": "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit, "
        "atau minta administrator mengatur ulang kata sandi.",
        "en": "Too many failed sign-in attempts. Try again in {minutes} minutes, or ask the "
        "administrator to reset the password.",
    },
    "signin.empty": {
        "id": "Isi nama pengguna dan kata sandi.",
        "en": "Enter your username and password.",
    },
    "auth.demo_header": {"id": "Coba dengan akun demo", "en": "Try a demo account"},
    "auth.demo_intro": {
        "id": "Hanya selama basis data berisi data contoh dan belum ada administrator. "
        "Akun demo hilang begitu administrator pertama dibuat atau laporan sungguhan diunggah.",
        "en": "Only while the database holds sample data and no administrator exists. Demo "
        "accounts disappear once the first administrator is created or a real report is "
        "uploaded.",
    },
    "auth.demo_leader": {"id": "Masuk sebagai pimpinan (demo)", "en": "Sign in as a leader (demo)"},
    "auth.demo_operator": {
        "id": "Masuk sebagai operator {unit} (demo)",
        "en": "Sign in as the operator of {unit} (demo)",
    },
    "auth.setup_header": {
        "id": "Penyiapan pertama: buat akun administrator",
        "en": "First start: create the administrator account",
    },
    "auth.setup_intro": {
        "id": "Belum ada administrator. Kode penyiapan sekali pakai tercetak di log server "
        'saat aplikasi dimulai (cari baris "Kode penyiapan"; lihat README, bagian Akun).',
        "en": "There is no administrator yet. A one-time setup code was printed to the server "
        'log when the app started (look for the line "Kode penyiapan"; see the README, '
        "section Accounts).",
    },
    "auth.setup_code": {"id": "Kode penyiapan", "en": "Setup code"},
    "auth.display_name": {"id": "Nama lengkap", "en": "Full name"},
    "auth.email": {"id": "E-mel", "en": "E-mail"},
    "auth.password_again": {"id": "Ulangi kata sandi", "en": "Repeat the password"},
    "auth.setup_submit": {"id": "Buat administrator", "en": "Create the administrator"},
    "auth.setup_done": {
        "id": "Administrator {username} dibuat. Silakan masuk.",
        "en": "Administrator {username} created. Please sign in.",
    },
    "auth.mismatch": {
        "id": "Kedua kata sandi tidak sama.",
        "en": "The two passwords differ.",
    },
    "auth.must_change": {
        "id": "Kata sandi Anda diatur ulang oleh administrator. Buat kata sandi baru sebelum "
        "melanjutkan.",
        "en": "Your password was reset by the administrator. Choose a new password before "
        "going on.",
    },
    "auth.current_password": {"id": "Kata sandi sekarang", "en": "Current password"},
    "auth.new_password": {"id": "Kata sandi baru", "en": "New password"},
    "auth.change_submit": {"id": "Simpan kata sandi", "en": "Save the password"},
    "auth.not_allowed": {
        "id": "Halaman ini tidak tersedia untuk peran Anda.",
        "en": "This page is not available to your role.",
    },
    "auth.no_role": {
        "id": "Peran akun Anda ({role}) tidak ada di config/roles.toml. Hubungi administrator.",
        "en": "Your account's role ({role}) is not in config/roles.toml. Contact the "
        "administrator.",
    },
    "password.too_short": {
        "id": "Kata sandi minimal 10 karakter.",
        "en": "A password needs at least 10 characters.",
    },
    "password.common": {
        "id": "Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.",
        "en": "This password is too common and easy to guess. Choose another.",
    },
    "password.has_username": {
        "id": "Kata sandi tidak boleh memuat nama pengguna.",
        "en": "The password must not contain the username.",
    },
    "password.current_wrong": {
        "id": "Kata sandi sekarang salah.",
        "en": "The current password is wrong.",
    },
    "password.same": {
        "id": "Kata sandi baru harus berbeda dari yang lama.",
        "en": "The new password must differ from the old one.",
    },
    "account.bad_username": {
        "id": "Nama pengguna 3–64 karakter: huruf kecil, angka, titik, garis bawah atau "
        "tanda hubung, diawali huruf atau angka.",
        "en": "A username has 3–64 characters: lower-case letters, digits, dots, underscores "
        "or hyphens, starting with a letter or digit.",
    },
    "account.unknown_role": {
        "id": "Peran '{role}' tidak dikenal. Pilihan: {roles}.",
        "en": "Unknown role '{role}'. Choices: {roles}.",
    },
    "account.unit_required": {
        "id": "Peran {role} terikat pada satu UPT: sebutkan kode UPT-nya.",
        "en": "The role {role} is bound to one unit: give its unit code.",
    },
    "account.unknown_unit": {
        "id": "Kode UPT '{unit}' tidak ada di daftar UPT.",
        "en": "Unit code '{unit}' is not in the unit registry.",
    },
    "account.exists": {
        "id": "Nama pengguna '{username}' sudah dipakai.",
        "en": "The username '{username}' is taken.",
    },
    "account.unknown": {
        "id": "Tidak ada akun '{username}'.",
        "en": "There is no account '{username}'.",
    },
    "account.not_yourself": {
        "id": "Anda tidak dapat menonaktifkan akun Anda sendiri.",
        "en": "You cannot disable your own account.",
    },
    "setup.bad_code": {
        "id": "Kode penyiapan salah atau sudah terpakai.",
        "en": "The setup code is wrong or already used.",
    },
    # account management page
    "nav.accounts": {"id": "Kelola Akun", "en": "Accounts"},
    "accounts.title": {"id": "Kelola Akun", "en": "Manage Accounts"},
    "accounts.intro": {
        "id": "Setiap akun punya satu peran; operator terikat pada satu UPT. Setiap perubahan "
        "tercatat di Log Audit.",
        "en": "Each account has one role; operators are bound to one unit. Every change is "
        "recorded in the audit log.",
    },
    "accounts.add": {"id": "Tambah akun", "en": "Add an account"},
    "accounts.role": {"id": "Peran", "en": "Role"},
    "accounts.unit": {
        "id": "UPT (untuk peran yang terikat UPT)",
        "en": "Unit (for unit-bound roles)",
    },
    "accounts.no_unit": {"id": "— tanpa UPT —", "en": "— no unit —"},
    "accounts.temp_password": {
        "id": "Kata sandi sementara (diganti saat masuk pertama)",
        "en": "Temporary password (changed at the first sign-in)",
    },
    "accounts.create": {"id": "Buat akun", "en": "Create the account"},
    "accounts.created": {"id": "Akun {username} dibuat.", "en": "Account {username} created."},
    "accounts.change": {"id": "Ubah akun", "en": "Change an account"},
    "accounts.pick": {"id": "Akun", "en": "Account"},
    "accounts.set_role": {"id": "Simpan peran", "en": "Save the role"},
    "accounts.role_saved": {
        "id": "Peran {username} sekarang {role}.",
        "en": "{username} now has the role {role}.",
    },
    "accounts.disable": {"id": "Nonaktifkan", "en": "Disable"},
    "accounts.enable": {"id": "Aktifkan", "en": "Enable"},
    "accounts.disabled": {
        "id": "Akun {username} dinonaktifkan.",
        "en": "Account {username} disabled.",
    },
    "accounts.enabled": {"id": "Akun {username} diaktifkan.", "en": "Account {username} enabled."},
    "accounts.reset": {"id": "Atur ulang kata sandi", "en": "Reset the password"},
    "accounts.reset_done": {
        "id": "Kata sandi {username} diatur ulang; harus diganti saat masuk berikutnya.",
        "en": "The password of {username} was reset; it must be changed at the next sign-in.",
    },
    "accounts.col.username": {"id": "Nama pengguna", "en": "Username"},
    "accounts.col.name": {"id": "Nama", "en": "Name"},
    "accounts.col.role": {"id": "Peran", "en": "Role"},
    "accounts.col.unit": {"id": "UPT", "en": "Unit"},
    "accounts.col.email": {"id": "E-mel", "en": "E-mail"},
    "accounts.col.active": {"id": "Aktif", "en": "Active"},
    "accounts.col.locked": {"id": "Terkunci sampai", "en": "Locked until"},
    "accounts.col.last_login": {"id": "Terakhir masuk", "en": "Last sign-in"},
    "accounts.yes": {"id": "ya", "en": "yes"},
    "accounts.no": {"id": "tidak", "en": "no"},
    # verification
    "nav.review": {"id": "Verifikasi", "en": "Verification"},
    "review.title": {"id": "Verifikasi Laporan", "en": "Report Verification"},
    "review.intro": {
        "id": "Laporan yang menunggu verifikasi, yang terlama lebih dulu. Periksa angka kunci "
        "dan perubahannya dari versi sebelumnya, lalu verifikasi atau kembalikan dengan "
        "catatan untuk operator.",
        "en": "Reports awaiting verification, oldest first. Check the key figures and what "
        "changed from the previous version, then verify or return them with a note for the "
        "operator.",
    },
    "review.empty": {
        "id": "Tidak ada laporan yang menunggu verifikasi.",
        "en": "No report is awaiting verification.",
    },
    "review.queue": {"id": "Antrean ({n} laporan)", "en": "Queue ({n} reports)"},
    "review.queue_one": {"id": "Antrean ({n} laporan)", "en": "Queue ({n} report)"},
    "review.pick": {"id": "Laporan", "en": "Report"},
    "review.item": {
        "id": "{unit} · {period} · versi {version} · diunggah {date} oleh {by}",
        "en": "{unit} · {period} · version {version} · uploaded {date} by {by}",
    },
    "review.key_numbers": {"id": "Angka kunci", "en": "Key figures"},
    "review.diff": {
        "id": "Perubahan dari versi {version}",
        "en": "Changes from version {version}",
    },
    "review.first_version": {
        "id": "Versi pertama untuk bulan ini: tidak ada versi sebelumnya.",
        "en": "The first version for this month: there is no earlier one.",
    },
    "review.no_changes": {
        "id": "Tidak ada nilai yang berubah.",
        "en": "No value changed.",
    },
    "review.comment": {
        "id": "Catatan untuk operator (wajib bila dikembalikan)",
        "en": "Note for the operator (required when returned)",
    },
    "review.verify": {"id": "Verifikasi", "en": "Verify"},
    "review.return": {"id": "Kembalikan", "en": "Return"},
    "review.done_verified": {
        "id": "Laporan {unit} {period} diverifikasi.",
        "en": "The {unit} report of {period} is verified.",
    },
    "review.done_returned": {
        "id": "Laporan {unit} {period} dikembalikan ke operator.",
        "en": "The {unit} report of {period} was returned to the operator.",
    },
    "review.state.diunggah": {"id": "diunggah", "en": "uploaded"},
    "review.state.diverifikasi": {"id": "diverifikasi", "en": "verified"},
    "review.state.dikembalikan": {"id": "dikembalikan", "en": "returned"},
    "review.returned_notice": {
        "id": 'Laporan {period} dikembalikan oleh {by} pada {date}: "{comment}" Perbaiki lalu '
        "unggah versi baru.",
        "en": 'The {period} report was returned by {by} on {date}: "{comment}" Fix it and '
        "upload a new version.",
    },
    "review.verified_only": {"id": "Hanya data terverifikasi", "en": "Verified data only"},
    "review.verified_only_help": {
        "id": "Hanya laporan yang versi terbarunya sudah diverifikasi. Laporan yang menunggu "
        "verifikasi tidak dihitung.",
        "en": "Only reports whose newest version is verified. Reports awaiting verification "
        "are left out.",
    },
    "review.unverified_count": {
        "id": "{n} laporan di kalender ini belum diverifikasi (ditandai ◌).",
        "en": "{n} reports in this calendar are not verified yet (marked ◌).",
    },
    "review.unverified_count_one": {
        "id": "{n} laporan di kalender ini belum diverifikasi (ditandai ◌).",
        "en": "{n} report in this calendar is not verified yet (marked ◌).",
    },
    "review.col.state": {"id": "Verifikasi", "en": "Verification"},
    # audit log
    "nav.audit": {"id": "Log Audit", "en": "Audit Log"},
    "audit.title": {"id": "Log Audit", "en": "Audit Log"},
    "audit.intro": {
        "id": "Catatan siapa melakukan apa, tidak dapat diubah: setiap baris memuat SHA-256 "
        "baris sebelumnya. Waktu dalam WIB.",
        "en": "The record of who did what, append-only: each row carries the SHA-256 of the "
        "row before. Times in WIB.",
    },
    "audit.account": {"id": "Akun", "en": "Account"},
    "audit.action": {"id": "Tindakan", "en": "Action"},
    "audit.unit": {"id": "UPT", "en": "Unit"},
    "audit.since": {"id": "Dari tanggal", "en": "From"},
    "audit.until": {"id": "Sampai tanggal", "en": "To"},
    "audit.all": {"id": "semua", "en": "all"},
    "audit.chain_ok": {
        "id": "Rantai hash utuh: {n} baris diperiksa.",
        "en": "The hash chain is whole: {n} rows checked.",
    },
    "audit.chain_broken": {
        "id": "Rantai hash rusak — {problem}.",
        "en": "The hash chain is broken — {problem}.",
    },
    "audit.csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "audit.shown": {
        "id": "{n} baris (paling banyak {limit} terbaru ditampilkan).",
        "en": "{n} rows (at most the newest {limit} are shown).",
    },
    "audit.col.time": {"id": "Waktu (WIB)", "en": "Time (WIB)"},
    "audit.col.username": {"id": "Akun", "en": "Account"},
    "audit.col.action": {"id": "Tindakan", "en": "Action"},
    "audit.col.unit": {"id": "UPT", "en": "Unit"},
    "audit.col.period": {"id": "Periode", "en": "Period"},
    "audit.col.object": {"id": "Objek", "en": "Object"},
    "audit.col.details": {"id": "Rincian", "en": "Details"},
    "audit.col.client": {"id": "Alamat klien", "en": "Client address"},
    "history.restricted_file": {
        "id": "Berkas asli memuat nama dan NIP pegawai: hanya operator UPT ini dan "
        "administrator yang dapat mengunduhnya.",
        "en": "The original file holds employees' names and NIPs: only this unit's operator "
        "and administrators may download it.",
    },
    "export.error.not_allowed": {
        "id": "Akun Anda tidak boleh mengekspor data UPT lain ({units}).",
        "en": "Your account may not export other units' data ({units}).",
    },
    "review.error.verdict": {"id": "Keputusan tidak dikenal.", "en": "Unknown decision."},
    "review.error.comment_required": {
        "id": "Tulis alasan pengembalian agar operator tahu apa yang harus diperbaiki.",
        "en": "Write why the report is returned so the operator knows what to fix.",
    },
    "review.error.not_found": {
        "id": "Laporan ini tidak ditemukan atau bukan wewenang Anda.",
        "en": "This report was not found or is not yours to review.",
    },
    "review.error.superseded": {
        "id": "Laporan ini sudah diganti versi yang lebih baru; periksa versi terbaru.",
        "en": "A newer version replaced this report; review the newest one.",
    },
    "export.source_verified_only": {
        "id": "hanya laporan terverifikasi",
        "en": "verified reports only",
    },
    "export.source_unverified": {
        "id": "{n} laporan belum diverifikasi",
        "en": "{n} reports not verified yet",
    },
    "export.source_unverified_one": {
        "id": "{n} laporan belum diverifikasi",
        "en": "{n} report not verified yet",
    },
    "review.unverified_legend": {"id": "belum diverifikasi", "en": "not verified yet"},
}
