using Renovation.Community.Application.Common.Text;

namespace Renovation.Community.Application.Features.Places;

/// <summary>One column of the register file: its header name, the Chinese header Excel users may write instead, and what it holds.</summary>
public sealed record RegisterColumn(string Name, string ChineseName, bool Required, string Meaning);

/// <summary>
/// The columns of a register import (and of the register download, so a download can be edited and imported into
/// another community). Columns are found by their header, in any order, by English or Chinese name; docs/register-import.md
/// and the import endpoint's description are written from this list.
/// </summary>
public static class RegisterColumns
{
    public static readonly RegisterColumn Building = new("building", "楼栋", true, "building name, up to 32 characters, e.g. 1幢");
    public static readonly RegisterColumn Unit = new("unit", "房号", true, "door number within the building, up to 32 characters, e.g. 2-301");
    public static readonly RegisterColumn Area = new("area_m2", "专有面积", true, "exclusive area in m², more than 0, at most two decimals, e.g. 89.56");
    /// <summary>Optional so older files still import; a unit without it has no building area until one is entered (never guessed).</summary>
    public static readonly RegisterColumn BuildingArea = new("building_area_m2", "建筑面积", false, "building area in m², at least the exclusive area, at most two decimals, e.g. 112.30; counts the maintenance fund; empty: not known");
    public static readonly RegisterColumn Basis = new("area_basis", "面积依据", false, "registered (登记, default), surveyed (实测) or contract (合同)");
    public static readonly RegisterColumn Certificate = new("certificate_no", "不动产权证号", false, "property certificate number, up to 64 characters");
    public static readonly RegisterColumn Kind = new("party_kind", "业主类型", true, "person (个人), coowners (共有) or developer (开发建设单位)");
    public static readonly RegisterColumn Owners = new("owners", "业主姓名", true, "owner names separated by ; (one for person and developer, two or more for coowners)");
    public static readonly RegisterColumn IdLast4 = new("id_last4", "身份证后四位", false, "last four characters of each owner's ID number, in the order of owners, separated by ; (required for person and coowners)");
    /// <summary>Files from before the stable party key had a per-file owner number; it is accepted and ignored.</summary>
    public static readonly RegisterColumn LegacyPartyKey = new("party_key", "业主编号", false, "ignored (older files); the owner is identified by party_kind, owners and id_last4");

    public static readonly RegisterColumn[] All = [Building, Unit, Area, BuildingArea, Basis, Certificate, Kind, Owners, IdLast4];

    public static string Header => string.Join(',', All.Select(c => c.Name));

    /// <summary>The template: the header and example rows that show each kind of owner.</summary>
    public static Spreadsheet Template() => new Spreadsheet(All.Select(c => c.Name).ToList())
        .Add("1幢", "101", "89.56", "112.30", "registered", "浙(2020)杭州市不动产权第0000001号", "person", "张三", "1234")
        .Add("1幢", "102", "75.50", "94.66", "surveyed", "浙(2020)杭州市不动产权第0000002号", "coowners", "李四;王五", "5678;902X")
        .Add("1幢", "201", "120", "150.25", "registered", "浙(2020)杭州市不动产权第0000003号", "person", "张三", "1234")
        .Add("2幢", "101", "60.01", "75.40", "contract", "", "developer", "某某房地产开发有限公司", "");

    /// <summary>The endpoint description and docs list of columns.</summary>
    public static string Describe() => string.Join("\n", All.Select(c =>
        $"- `{c.Name}` ({c.ChineseName}){(c.Required ? ", required" : "")}: {c.Meaning}"));
}
