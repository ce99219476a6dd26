using System.Globalization;
using System.Text;

namespace Samskab.Web.Infrastructure.Mail;

/// <summary>
/// The one look of Samskab's e-mails: a heading, paragraphs, one clear button, and a plain-text twin. Every value is
/// HTML-encoded here, so callers pass plain text.
/// </summary>
public static class MailTemplates
{
    public static (string Text, string Html) ActionMail(string greeting, IEnumerable<string> paragraphs, string buttonText, string url, string footer)
    {
        var paras = paragraphs.ToList();
        var text = new StringBuilder();
        text.Append(greeting).Append("\n\n");
        foreach (var p in paras)
        {
            text.Append(p).Append("\n\n");
        }
        text.Append(buttonText).Append(":\n").Append(url).Append("\n\n-- \n").Append(footer).Append('\n');

        var enc = Samskab.Web.Infrastructure.Web.Encoders.Html;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><title>{enc.Encode(buttonText)}</title></head>");
        html.Append("<body style=\"font-family:'IBM Plex Sans',Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px\">");
        html.Append("<p>").Append(enc.Encode(greeting)).Append("</p>");
        foreach (var p in paras)
        {
            html.Append("<p>").Append(enc.Encode(p)).Append("</p>");
        }
        html.Append("<p><a href=\"").Append(enc.Encode(url)).Append("\" style=\"display:inline-block;background:#0059b3;color:#ffffff;padding:12px 20px;text-decoration:none;border-radius:4px;font-weight:600\">")
            .Append(enc.Encode(buttonText)).Append("</a></p>");
        html.Append("<p style=\"font-size:14px;color:#454545\">").Append(enc.Encode(url)).Append("</p>");
        html.Append("<hr><p style=\"font-size:14px;color:#454545\">").Append(enc.Encode(footer)).Append("</p></body></html>");
        return (text.ToString(), html.ToString());
    }
}
