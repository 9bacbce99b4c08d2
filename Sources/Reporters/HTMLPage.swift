import DecisionRecords

/// The start of a self-contained HTML report, shared by the check report and the audit report.
enum HTMLPage {
    /// `<!DOCTYPE html>` up to the report's header (title and one line of metadata), inclusive.
    static func opening(title: String, pageTitle: String, meta: String, metaClass: String, version: String, style: String, language: Language) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language == .zh ? "zh-CN" : "en")">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="legality \(Escaping.html(version))">
        <title>\(pageTitle)</title>
        <style>
        \(style)</style>
        </head>
        <body>
        <header>
        <h1>\(title)</h1>
        <p class="\(metaClass)">\(meta)</p>
        </header>

        """
    }
}
