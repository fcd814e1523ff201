using System.Text;

namespace Renovation.Community.Api.Features.Places;

/// <summary>Splits one CSV line (RFC 4180 quoting, no embedded line breaks) into trimmed fields.</summary>
public static class CsvLine
{
    public static List<string>? TrySplit(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.ToString().Trim().Length == 0) { field.Clear(); quoted = true; }
            else if (c == ',') { fields.Add(field.ToString().Trim()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted)
            return null;
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
