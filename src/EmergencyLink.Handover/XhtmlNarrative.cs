using System.Text;
using Hl7.Fhir.Model;

namespace EmergencyLink.Handover;

/// <summary>
/// Builds the human-readable part of a section or resource. FHIR narrative must be a well-formed XHTML div limited to
/// the spec's safe subset, so text is always escaped here and nothing else composes markup by hand.
/// </summary>
internal sealed class XhtmlNarrative
{
    private readonly StringBuilder html = new("<div xmlns=\"http://www.w3.org/1999/xhtml\">");

    public XhtmlNarrative Paragraph(string text)
    {
        html.Append("<p>");
        Escape(text);
        html.Append("</p>");
        return this;
    }

    public XhtmlNarrative List(IEnumerable<string> items)
    {
        html.Append("<ul>");
        foreach (var item in items)
        {
            html.Append("<li>");
            Escape(item);
            html.Append("</li>");
        }

        html.Append("</ul>");
        return this;
    }

    public XhtmlNarrative Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<table><thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>");
            Escape(header);
            html.Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>");
                Escape(cell);
                html.Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        return this;
    }

    public Narrative ToNarrative() => new() { Status = Narrative.NarrativeStatus.Generated, Div = html.ToString() + "</div>" };

    // Text nodes only (no attributes are written), so quotes stay as they are: an XML writer would turn "&quot;" back
    // into a quote and the JSON and XML forms of the same document would differ.
    private void Escape(string text)
    {
        foreach (var c in FhirCodes.Clean(text))
        {
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                default: html.Append(c); break;
            }
        }
    }
}
