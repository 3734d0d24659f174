using ProjectCases.Projects;

namespace ProjectCases.Imports;

/// <summary>
/// The template workbook: an Instructions sheet (Japanese and English: the rules, then each column with what it takes),
/// then one sheet per kind with its header row. Cells are text-formatted so that Excel keeps dates, codes and keys as typed.
/// </summary>
public static class ImportTemplate
{
    private static readonly Dictionary<string, Type> Choices = new()
    {
        ["sector"] = typeof(Sector), ["financing"] = typeof(Financing), ["ministry"] = typeof(Ministry), ["kind"] = typeof(TouchpointKind),
        ["japanLevel"] = typeof(JapanLevel), ["agreementType"] = typeof(AgreementType), ["level"] = typeof(AgreementLevel),
        ["awardType"] = typeof(AwardType), ["scope"] = typeof(AwardScope),
    };

    private static readonly Lazy<byte[]> Cached = new(Build);

    public static byte[] Bytes() => Cached.Value;

    private static byte[] Build()
    {
        using var output = new MemoryStream();
        var sheets = new List<(string, IEnumerable<IReadOnlyList<string?>>)> { (ImportSheets.InstructionsSheet, Instructions()) };
        sheets.AddRange(ImportSheets.Columns.Select(k => (k.Key.ToString(), (IEnumerable<IReadOnlyList<string?>>)[[.. k.Value.Select(c => c.Header)]])));
        Workbook.Write(output, sheets);
        return output.ToArray();
    }

    private static IEnumerable<IReadOnlyList<string?>> Instructions()
    {
        yield return ["説明 / Instructions"];
        yield return ["各シートの 1 行目（見出し）は変更せず、2 行目以降に 1 行 1 件で入力してください。Projects を先に処理し、他のシートは project 列で案件を指します。",
            "Keep each sheet's header row; enter one record per row from row 2. Projects are processed first; the other sheets name their project in the project column."];
        yield return ["まず dryRun=true（コンソールの「確認」）で行ごとの結果を確認し、その後に記録してください。同じファイルを再度取り込んでも二重には記録されません。",
            "Run a dry run first (dryRun=true, the console's Check) to see each row's outcome, then record. Importing the same file again records nothing twice."];
        yield return ["複数の値は ; で区切ります。日付は文字列で 2025-04-01（日）、2025-04（月）、FY2025（年度）。",
            "Separate several values with ;. Dates are text: 2025-04-01 (day), 2025-04 (month) or FY2025 (fiscal year)."];
        yield return [];
        yield return ["sheet", "column", "required / 必須", "English", "日本語", "values / 値"];
        foreach (var (kind, columns) in ImportSheets.Columns)
            foreach (var column in columns)
                yield return [kind.ToString(), column.Header, column.Required ? "yes / はい" : "", column.En, column.Ja,
                    Choices.TryGetValue(column.Header, out var type) ? string.Join(", ", Enum.GetNames(type)) : column.Type == CellType.Bool ? "true, false" : ""];
    }
}
