using Renovation.Community.Application.Common.Text;

namespace Renovation.Community.Application.Features.Places;

/// <summary>
/// One column of the register file: its header name, the Chinese header Excel users may write instead, what it holds, and
/// the other headers committees' spreadsheets use for it (read with a warning naming what was read as what).
/// </summary>
public sealed record RegisterColumn(string Name, string ChineseName, bool Required, string Meaning, params string[] Aliases)
{
    /// <summary>Whether a header (spaces removed) names this column: its name, its Chinese name or one of its aliases.</summary>
    public bool IsNamedBy(string header) => string.Equals(Name, header, StringComparison.OrdinalIgnoreCase)
        || ChineseName == header || Aliases.Contains(header);

    /// <summary>Whether the header is this column's own name (no warning needed).</summary>
    public bool IsOwnName(string header) => string.Equals(Name, header, StringComparison.OrdinalIgnoreCase) || ChineseName == header;
}

/// <summary>
/// The columns of a register import (and of the register download, so a download can be edited and imported into
/// another community). Columns are found by their header, in any order, by English or Chinese name; docs/register-import.md
/// and the import endpoint's description are written from this list.
/// </summary>
public static class RegisterColumns
{
    public static readonly RegisterColumn Building = new("building", "楼栋", true, "building name, up to 32 characters, e.g. 1幢",
        "楼号", "楼栋号", "幢", "幢号", "栋", "栋号", "楼幢");
    public static readonly RegisterColumn Unit = new("unit", "房号", true, "door number within the building, up to 32 characters, e.g. 2-301",
        "室号", "门牌号", "房间号", "户号");
    /// <summary>
    /// The exclusive area (专有部分面积, 法释〔2009〕7号 Art. 8: as the real-estate register records it). On a certificate
    /// that is the 套内建筑面积 (套内面积 for short), never the 使用面积, which leaves out the walls (see Ambiguous).
    /// </summary>
    public static readonly RegisterColumn Area = new("area_m2", "专有面积", true, "exclusive area in m², more than 0, at most two decimals, e.g. 89.56",
        "专有部分面积", "套内面积", "套内建筑面积");
    /// <summary>Optional so older files still import; a unit without it has no building area until one is entered (never guessed).</summary>
    public static readonly RegisterColumn BuildingArea = new("building_area_m2", "建筑面积", false, "building area in m², at least the exclusive area, at most two decimals, e.g. 112.30; counts the maintenance fund; empty: not known",
        "房屋建筑面积", "总建筑面积");
    public static readonly RegisterColumn Basis = new("area_basis", "面积依据", false, "registered (登记, default), surveyed (实测) or contract (合同)",
        "面积来源");
    public static readonly RegisterColumn Certificate = new("certificate_no", "不动产权证号", false, "property certificate number, up to 64 characters",
        "不动产权证书号", "产权证号", "房产证号");
    public static readonly RegisterColumn Kind = new("party_kind", "业主类型", true, "person (个人), coowners (共有) or developer (开发建设单位)",
        "权利人类型");
    public static readonly RegisterColumn Owners = new("owners", "业主姓名", true, "owner names separated by ; (one for person and developer, two or more for coowners)",
        "业主", "权利人", "权利人姓名", "产权人", "所有权人", "业主名称");
    public static readonly RegisterColumn IdLast4 = new("id_last4", "身份证后四位", false, "last four characters of each owner's ID number, in the order of owners, separated by ; (required for person and coowners)",
        "身份证号后四位", "身份证后4位", "证件号后四位");
    /// <summary>The owners' contact phones; kept on each party member, shown masked in lists (docs/services.md, "Where to go").</summary>
    public static readonly RegisterColumn Phone = new("phone", "联系电话", false, "contact phone of each owner, in the order of owners, separated by ; (fewer than the owners: the rest have none); mobile or landline with area code",
        "手机", "手机号", "手机号码", "电话", "联系方式", "联系手机");
    /// <summary>Files from before the stable party key had a per-file owner number; it is accepted and ignored.</summary>
    public static readonly RegisterColumn LegacyPartyKey = new("party_key", "业主编号", false, "ignored (older files); the owner is identified by party_kind, owners and id_last4");

    public static readonly RegisterColumn[] All = [Building, Unit, Area, BuildingArea, Basis, Certificate, Kind, Owners, IdLast4, Phone];

    /// <summary>
    /// The columns of the register download: all but the phone, which is shown in full only to the staff member serving
    /// an order (a download is a list, and a list never carries a full phone). Re-importing a download keeps phones as
    /// they are, the column being absent.
    /// </summary>
    public static readonly RegisterColumn[] Downloaded = [.. All.Where(c => c != Phone)];

    /// <summary>
    /// Headers a committee's spreadsheet has that could be read as more than one column, or as one they are not: the
    /// import refuses them (422 register_header_ambiguous) with what to rename them to, instead of guessing an area.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Ambiguous = new Dictionary<string, string>
    {
        ["面积"] = "无法确定是专有面积还是建筑面积，请改名为“专有面积”（套内建筑面积，以不动产登记簿为准）或“建筑面积”",
        ["房屋面积"] = "无法确定是专有面积还是建筑面积，请改名为“专有面积”（套内建筑面积，以不动产登记簿为准）或“建筑面积”",
        ["产权面积"] = "无法确定是专有面积还是建筑面积，请改名为“专有面积”（套内建筑面积，以不动产登记簿为准）或“建筑面积”",
        ["使用面积"] = "使用面积（套内使用面积）不含墙体，不是表决所依据的专有部分面积；请改用不动产登记簿上的套内建筑面积，列名写“专有面积”，或删除该列",
        ["套内使用面积"] = "套内使用面积不含墙体，不是表决所依据的专有部分面积；请改用不动产登记簿上的套内建筑面积，列名写“专有面积”，或删除该列",
        ["身份证号"] = "名册只保存身份证号后四位，请勿上传完整身份证号；请只保留后四位，列名写“身份证后四位”",
        ["身份证号码"] = "名册只保存身份证号后四位，请勿上传完整身份证号；请只保留后四位，列名写“身份证后四位”",
    };

    public static string Header => string.Join(',', All.Select(c => c.Name));

    /// <summary>The template: the header and example rows that show each kind of owner.</summary>
    public static Spreadsheet Template() => new Spreadsheet(All.Select(c => c.Name).ToList())
        .Add("1幢", "101", "89.56", "112.30", "registered", "浙(2020)杭州市不动产权第0000001号", "person", "张三", "1234", "13800001234")
        .Add("1幢", "102", "75.50", "94.66", "surveyed", "浙(2020)杭州市不动产权第0000002号", "coowners", "李四;王五", "5678;902X", "13900005678;0571-88880000")
        .Add("1幢", "201", "120", "150.25", "registered", "浙(2020)杭州市不动产权第0000003号", "person", "张三", "1234", "13800001234")
        .Add("2幢", "101", "60.01", "75.40", "contract", "", "developer", "某某房地产开发有限公司", "", "");

    /// <summary>The endpoint description and docs list of columns.</summary>
    public static string Describe() => string.Join("\n", All.Select(c =>
        $"- `{c.Name}` ({c.ChineseName}{(c.Aliases.Length > 0 ? "; also " + string.Join("、", c.Aliases) : "")}){(c.Required ? ", required" : "")}: {c.Meaning}"))
        + "\n\nRefused as ambiguous (422 `register_header_ambiguous`): " + string.Join("、", Ambiguous.Keys) + ".";
}
