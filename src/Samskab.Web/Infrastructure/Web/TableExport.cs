using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Samskab.Web.Infrastructure.Web;

/// <summary>Exports a table as CSV (for Danish Excel: semicolons, UTF-8 with BOM) or as a real XLSX workbook.</summary>
public static class TableExport
{
    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var sb = new StringBuilder();
        sb.AppendJoin(';', headers.Select(Cell)).Append("\r\n");
        foreach (var row in rows)
        {
            sb.AppendJoin(';', row.Select(Cell)).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    private static string Cell(string? value)
    {
        var v = Defuse(CleanText.Clean(value ?? ""));
        return v.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    /// <summary>A cell that starts like a formula is opened as text, not run (CSV/formula injection).</summary>
    private static string Defuse(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    public static byte[] Xlsx(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows) =>
        XlsxWorkbook([(sheetName, headers, rows)]);

    /// <summary>A workbook with one sheet per table.</summary>
    public static byte[] XlsxWorkbook(IEnumerable<(string Name, IReadOnlyList<string> Headers, IEnumerable<IReadOnlyList<string?>> Rows)> tables)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            foreach (var (name, headers, rows) in tables)
            {
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                data.Append(Row(headers));
                foreach (var row in rows)
                {
                    data.Append(Row(row));
                }
                sheetPart.Worksheet = new Worksheet(data);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = sheetId++, Name = SheetName(name) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Excel allows 31 characters and none of : \\ / ? * [ ] in a sheet name.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(CleanText.Clean(name).Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        clean = clean.Length == 0 ? "Ark" : clean;
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Row Row(IEnumerable<string?> values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            // Inline strings: every value is text, so nothing in the data is ever evaluated as a formula.
            row.Append(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(CleanText.Clean(value ?? "")) { Space = SpaceProcessingModeValues.Preserve }) });
        }
        return row;
    }
}
