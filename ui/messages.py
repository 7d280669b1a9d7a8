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
    # exports: the Ekspor page, chart downloads, and the words inside exported files
    "nav.export": {"id": "Ekspor", "en": "Export"},
    "export.title": {"id": "Ekspor Bahan Rapat", "en": "Export Meeting Pack"},
    "export.intro": {
        "id": "Pilih periode dan UPT, lalu buat salindia PowerPoint yang dapat diedit, "
              "ringkasan Excel, atau semua grafik sebagai gambar. Angka berasal dari mesin "
              "indikator yang sama dengan dasbor.",
        "en": "Pick the period and units, then build an editable PowerPoint deck, an Excel "
              "summary, or every chart as images. The figures come from the same indicator "
              "engine as the dashboard."},
    "export.from": {"id": "Dari bulan", "en": "From month"},
    "export.to": {"id": "Sampai bulan", "en": "To month"},
    "export.types": {"id": "Jenis UPT (kosong = semua)", "en": "Unit types (empty = all)"},
    "export.units": {"id": "UPT (kosong = semua)", "en": "Units (empty = all)"},
    "export.personal": {"id": "Sertakan data per pegawai (data pribadi)",
                        "en": "Include per-employee rows (personal data)"},
    "export.personal_help": {
        "id": "Nama, NIP dan rekap kehadiran per pegawai dilindungi UU No. 27/2022. Hanya "
              "disertakan untuk UPT yang boleh Anda lihat, dan hanya di berkas Excel.",
        "en": "Names, NIPs and per-employee attendance are protected by Law No. 27/2022. "
              "They are included only for units you may see, and only in the Excel file."},
    "export.personal_withheld": {
        "id": "Data pegawai UPT berikut tidak disertakan karena Anda tidak berhak melihatnya: "
              "{units}.",
        "en": "Employee rows of these units were left out because you may not see them: "
              "{units}."},
    "export.image_format": {"id": "Format gambar", "en": "Image format"},
    "export.build_deck": {"id": "Buat salindia (.pptx)", "en": "Build slide deck (.pptx)"},
    "export.build_workbook": {"id": "Buat ringkasan Excel (.xlsx)",
                              "en": "Build Excel summary (.xlsx)"},
    "export.build_images": {"id": "Buat gambar grafik (.zip)", "en": "Build chart images (.zip)"},
    "export.download": {"id": "Unduh {name}", "en": "Download {name}"},
    "export.building": {"id": "Menyusun berkas…", "en": "Building the file…"},
    "export.ready": {"id": "Berkas siap: {name} ({size}).", "en": "File ready: {name} ({size})."},
    "export.bad_range": {"id": "Bulan awal harus sebelum atau sama dengan bulan akhir.",
                         "en": "The first month must not come after the last month."},
    "export.no_data": {"id": "Belum ada laporan tersimpan; unggah laporan dulu.",
                       "en": "No reports stored yet; upload reports first."},
    "export.download_png": {"id": "PNG", "en": "PNG"},
    "export.download_svg": {"id": "SVG", "en": "SVG"},
    "export.download_pdf": {"id": "PDF", "en": "PDF"},
    "export.download_csv": {"id": "CSV (data)", "en": "CSV (data)"},
    "export.download_help": {"id": "Unduh grafik ini sebagai {format}",
                             "en": "Download this chart as {format}"},
    "export.error.no_browser": {
        "id": "Gambar grafik tidak dapat dibuat: peramban Chromium tidak ditemukan di server "
              "({path}). Salindia dan ringkasan Excel tetap dapat dibuat. Minta administrator "
              "memasang paket Debian \"chromium\" atau mengatur BROWSER_PATH.",
        "en": "Chart images cannot be made: the Chromium browser was not found on the server "
              "({path}). The slide deck and the Excel summary still work. Ask the "
              "administrator to install Debian's \"chromium\" package or set BROWSER_PATH."},
    "export.error.browser_failed": {
        "id": "Gambar grafik tidak dapat dibuat: Chromium ({path}) gagal dijalankan ({reason}). "
              "Salindia dan ringkasan Excel tetap dapat dibuat. Minta administrator memeriksa "
              "pemasangan Chromium.",
        "en": "Chart images cannot be made: Chromium ({path}) failed to run ({reason}). The "
              "slide deck and the Excel summary still work. Ask the administrator to check "
              "the Chromium installation."},
    "export.error.format": {
        "id": "Format \"{format}\" tidak dikenal; pilih salah satu dari {choices}.",
        "en": "Unknown format \"{format}\"; choose one of {choices}."},
    "export.error.output": {
        "id": "Berkas keluaran {path} tidak dapat ditulis: {reason}. Pilih folder lain dengan -o.",
        "en": "Cannot write the output {path}: {reason}. Choose another place with -o."},
    "export.cli.written": {"id": "{path} ditulis ({size}).", "en": "{path} written ({size})."},
    # inside the exported files (always rendered in Bahasa Indonesia)
    "export.office": {"id": "Dinas Sosial Provinsi Jawa Timur",
                      "en": "East Java Provincial Social Services Office"},
    "export.deck_title": {"id": "Kualitas Layanan UPT", "en": "UPT Service Quality"},
    "export.deck_subtitle": {"id": "Bahan rapat pimpinan", "en": "Leadership meeting pack"},
    "export.made_on": {"id": "Dibuat {date}", "en": "Made on {date}"},
    "export.source": {
        "id": "Sumber: laporan bulanan UPT, diolah Dasbor Kualitas Layanan; periode {period}",
        "en": "Source: UPT monthly reports, processed by the Service-Quality Dashboard; "
              "period {period}"},
    "export.scope_all": {"id": "Seluruh UPT ({n})", "en": "All units ({n})"},
    "export.scope_types": {"id": "UPT jenis {types} ({n})", "en": "{types} units ({n})"},
    "export.scope_units": {"id": "{n} UPT terpilih", "en": "{n} selected units"},
    "export.series_scope": {"id": "Cakupan terpilih", "en": "Selected scope"},
    "export.series_province": {"id": "Provinsi Jawa Timur", "en": "East Java province"},
    "export.series_target": {"id": "Target", "en": "Target"},
    "export.series_target_min": {"id": "Target (batas bawah)", "en": "Target (lower bound)"},
    "export.series_target_max": {"id": "Target (batas atas)", "en": "Target (upper bound)"},
    "export.summary_title": {"id": "Ringkasan", "en": "Summary"},
    "export.summary_notes": {
        "id": "Nilai seluruh periode untuk cakupan ini: setiap rasio = Σ pembilang ÷ Σ penyebut "
              "atas semua UPT dan bulan, bukan rata-rata rasio UPT.",
        "en": "Whole-period values for this scope: every ratio is Σ numerator ÷ Σ denominator "
              "over all units and months, not a mean of unit ratios."},
    "export.components": {"id": "Komponen: {parts}", "en": "Components: {parts}"},
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
    "export.ranking_chart": {"id": "Peringkat UPT, dengan nilai provinsi",
                             "en": "Units ranked, with the province value"},
    "export.indicator_subtitle": {"id": "{scope}: {value} · target {target} · {status}",
                                  "en": "{scope}: {value} · target {target} · {status}"},
    "export.indicator_notes": {"id": "Rumus: {formula}. Standar: {standard}. {description}",
                               "en": "Formula: {formula}. Standard: {standard}. {description}"},
    "export.ranking_notes": {
        "id": "Batang gelap = nilai Provinsi Jawa Timur (semua UPT) sebagai pembanding. UPT "
              "tanpa data atau yang indikatornya tidak berlaku tidak ditampilkan.",
        "en": "The dark bar is the East Java province value (all units) for reference. Units "
              "without data or to which the indicator does not apply are not shown."},
    "export.ikm_title": {"id": "IKM per UPT dan per unsur",
                         "en": "Satisfaction index by unit and element"},
    "export.ikm_subtitle": {
        "id": "{scope}: IKM {value}, mutu {grade} ({label}) · {n} responden (minimum {required})",
        "en": "{scope}: IKM {value}, grade {grade} ({label}) · {n} respondents "
              "(minimum {required})"},
    "export.ikm_units_chart": {"id": "IKM per UPT (mutu A–D)", "en": "IKM by unit (grade A–D)"},
    "export.ikm_elements_chart": {"id": "NRR per unsur, skala 1–4 · terlemah {element}",
                                  "en": "Mean score by element, 1–4 · weakest {element}"},
    "export.ikm_notes": {
        "id": "IKM = (Σ NRR unsur U1..U9 ÷ 9) × 25 dari semua responden dalam cakupan "
              "(PermenPAN-RB No. 14/2017). Mutu: A 88,31–100; B 76,61–88,30; C 65,00–76,60; "
              "D 25,00–64,99. Minimum responden menurut tabel Krejcie–Morgan untuk jumlah PM "
              "yang dilayani.",
        "en": "IKM = (Σ element NRR U1..U9 ÷ 9) × 25 over all respondents in scope "
              "(PermenPAN-RB No. 14/2017). Grades: A 88.31–100; B 76.61–88.30; "
              "C 65.00–76.60; D 25.00–64.99. Minimum respondents per the Krejcie–Morgan "
              "table for the people served."},
    "export.scorecard_title": {"id": "Kartu skor UPT", "en": "Unit scorecard"},
    "export.continued": {"id": "{title} (lanjutan)", "en": "{title} (continued)"},
    "export.status_legend": {
        "id": "✓ Baik (hijau) · ! Waspada (kuning) · ✕ Perlu perhatian (merah) · tanpa tanda: "
              "tanpa ambang. Nilai seluruh periode per UPT.",
        "en": "✓ Good (green) · ! Watch (amber) · ✕ Needs attention (red) · no mark: no "
              "threshold. Whole-period values per unit."},
    "export.reports_title": {"id": "Laporan belum masuk dan terlambat",
                             "en": "Missing and late reports"},
    "export.reports_summary": {
        "id": "Kelengkapan {complete} · tepat waktu {timely} · {missing} belum masuk · "
              "{late} terlambat",
        "en": "Completeness {complete} · on time {timely} · {missing} missing · {late} late"},
    "export.reports_deadline": {
        "id": "Batas unggah: tanggal {day} bulan berikutnya (WIB). Bulan yang batasnya belum "
              "lewat tidak dihitung.",
        "en": "Deadline: day {day} of the following month (WIB). Months whose deadline has "
              "not passed are not counted."},
    "export.reports_none": {"id": "Semua laporan yang sudah jatuh tempo masuk tepat waktu.",
                            "en": "Every report due so far came in on time."},
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
    "export.per_unit": {"id": "Nilai per UPT, seluruh periode", "en": "Values by unit, whole period"},
    "export.per_month": {"id": "Tren bulanan cakupan", "en": "Monthly trend of the scope"},
    "export.total_row": {"id": "Cakupan (Σ ÷ Σ)", "en": "Scope (Σ ÷ Σ)"},
    "export.province_row": {"id": "Provinsi Jawa Timur", "en": "East Java province"},
    "export.personal_warning": {
        "id": "DATA PRIBADI (UU No. 27/2022): hanya untuk yang berhak; jangan diteruskan.",
        "en": "PERSONAL DATA (Law No. 27/2022): for authorised readers only; do not forward."},
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
}
