namespace ProjectCases.Imports;

/// <summary>What the import reads: one sheet (or one CSV file) per kind, in this order, because later kinds name projects.</summary>
public enum ImportKind { Projects, Touchpoints, Agreements, Awards }

/// <summary>How a cell's text becomes the JSON value the single-write body takes.</summary>
public enum CellType { Text, Number, Bool, Id, TextList, IdList, Date, ProjectRef, ProjectRefList }

/// <summary>
/// One column: its header (the single-write body's JSON field; "amount.value" is a nested field; `key` and `project` are
/// the import's own), how its text is read, whether the header must be there, and the instruction shown in the template.
/// </summary>
public sealed record ImportColumn(string Header, CellType Type, bool Required, string En, string Ja);

/// <summary>The columns of each kind: the fields of POST /api/projects, .../touchpoints, .../agreements and .../awards.</summary>
public static class ImportSheets
{
    /// <summary>Lists in one cell are separated by this (a comma may be part of a name).</summary>
    public const char ListSeparator = ';';
    public const string InstructionsSheet = "Instructions";

    private const string DateEn = "day 2025-04-01, month 2025-04 or fiscal year FY2025 (as text)";
    private const string DateJa = "日 2025-04-01、月 2025-04、年度 FY2025（文字列で）";
    private const string ProjectEn = "the key of a row of the Projects sheet (this file or an earlier import), or a project id";
    private const string ProjectJa = "Projects シートの key（このファイルまたは以前の取り込み）、または案件 ID";

    public static readonly IReadOnlyDictionary<ImportKind, IReadOnlyList<ImportColumn>> Columns = new Dictionary<ImportKind, IReadOnlyList<ImportColumn>>
    {
        [ImportKind.Projects] =
        [
            new("key", CellType.Text, true, "your key for the project, unique; other sheets name the project by it", "案件の取り込みキー（一意）。他のシートはこのキーで案件を指す"),
            new("name", CellType.Text, true, "project name (English)", "案件名（英語）"),
            new("nameJa", CellType.Text, false, "project name (Japanese)", "案件名（日本語）"),
            new("country", CellType.Text, false, "primary country, ISO code (VN)", "主たる国（ISO コード、例 VN）"),
            new("countries", CellType.TextList, false, "all countries, primary first, separated by ;", "全対象国（主たる国を先頭に ; 区切り）"),
            new("sector", CellType.Text, true, "sector (as the API names it)", "分野（API の名称）"),
            new("financing", CellType.Text, true, "financing (as the API names it)", "資金（API の名称）"),
            new("ministry", CellType.Text, false, "lead Japanese ministry (MLIT, METI, ...)", "主管省庁（MLIT、METI など）"),
            new("leadAgency", CellType.Text, false, "lead agency (free text)", "実施機関（自由記述）"),
            new("summary", CellType.Text, false, "summary", "概要"),
        ],
        [ImportKind.Touchpoints] =
        [
            new("project", CellType.ProjectRef, true, ProjectEn, ProjectJa),
            new("kind", CellType.Text, true, "kind of touchpoint (as the API names it)", "接触の種類（API の名称）"),
            new("occurredOn", CellType.Date, true, DateEn, DateJa),
            new("japanLevel", CellType.Text, true, "Japanese side's level (as the API names it)", "日本側のレベル（API の名称）"),
            new("counterpart", CellType.Text, true, "counterpart", "相手方"),
            new("counterpartId", CellType.Id, false, "counterpart organisation id, if on record", "相手方組織の ID（登録済みの場合）"),
            new("location", CellType.Text, false, "location", "場所"),
            new("summary", CellType.Text, true, "summary", "概要"),
            new("outcome", CellType.Text, false, "outcome", "結果"),
            new("alsoForProjectIds", CellType.ProjectRefList, false, "other projects (keys or ids) separated by ;", "他の案件（キーまたは ID、; 区切り）"),
        ],
        [ImportKind.Agreements] =
        [
            new("project", CellType.ProjectRef, true, ProjectEn, ProjectJa),
            new("agreementType", CellType.Text, true, "MOU, MOC, LOI, ExchangeOfNotes, LoanAgreement (as the API names them)", "合意の種類（API の名称）"),
            new("level", CellType.Text, true, "Political or Administrative", "レベル（Political または Administrative）"),
            new("title", CellType.Text, true, "title", "表題"),
            new("parties", CellType.TextList, true, "parties separated by ;", "当事者（; 区切り）"),
            new("partyIds", CellType.IdList, false, "party organisation ids separated by ;", "当事者組織の ID（; 区切り）"),
            new("signedOn", CellType.Date, true, DateEn, DateJa),
            new("tranche", CellType.Text, false, "tranche", "トランシェ"),
        ],
        [ImportKind.Awards] =
        [
            new("project", CellType.ProjectRef, true, ProjectEn, ProjectJa),
            new("package", CellType.Text, true, "package", "パッケージ"),
            new("winner", CellType.Text, false, "winner (free text)", "受注者（自由記述）"),
            new("winnerId", CellType.Id, false, "winner organisation id, if on record", "受注者組織の ID（登録済みの場合）"),
            new("japaneseWinner", CellType.Bool, true, "true or false", "true または false（日本企業の受注か）"),
            new("awardType", CellType.Text, true, "award type (as the API names it)", "受注形態（API の名称）"),
            new("scope", CellType.Text, true, "scope (as the API names it)", "範囲（API の名称）"),
            new("amount.value", CellType.Number, false, "amount in its currency (with amount.currency and amountJpy, or all three empty)", "金額（amount.currency と amountJpy とともに、または三つとも空欄）"),
            new("amount.currency", CellType.Text, false, "currency, ISO code (USD)", "通貨（ISO コード、例 USD）"),
            new("amountJpy", CellType.Number, false, "yen equivalent", "円換算額"),
            new("awardedOn", CellType.Date, true, DateEn, DateJa),
        ],
    };

    /// <summary>A sheet's or a CSV file name's kind: the sheet is named after it; a CSV file's name starts with it ("touchpoints-2025.csv").</summary>
    public static ImportKind? KindOfSheet(string name) =>
        Enum.GetValues<ImportKind>().Cast<ImportKind?>().FirstOrDefault(k => string.Equals(k.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase));

    public static ImportKind? KindOfCsvFile(string fileName)
    {
        var name = Path.GetFileName(fileName);
        return Enum.GetValues<ImportKind>().Cast<ImportKind?>().FirstOrDefault(k => name.StartsWith(k.ToString()!, StringComparison.OrdinalIgnoreCase));
    }
}
