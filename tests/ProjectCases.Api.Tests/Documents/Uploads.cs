using System.Net.Http.Headers;
using System.Text;

namespace ProjectCases.Api.Tests.Documents;

/// <summary>Multipart uploads as a browser or curl sends them, built with HttpClient's own multipart writer.</summary>
public static class Uploads
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static MultipartFormDataContent Form(byte[]? file, string fileName = "minutes.pdf", string? contentType = "application/pdf",
        string? title = "MOU text", params (string Name, string Value)[] fields) =>
        Form(file is null ? null : new ByteArrayContent(file), fileName, contentType, title, fields);

    public static MultipartFormDataContent Form(HttpContent? file, string fileName, string? contentType, string? title, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        if (title is not null) form.Add(new StringContent(title), "title");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (file is not null)
        {
            if (contentType is not null) file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(file, "file", fileName);
        }
        return form;
    }

    /// <summary>Sends <paramref name="content"/> as the request body, streamed (never read into a buffer here).</summary>
    public static void Body(this Scenario s, HttpContent content)
    {
        s.ConfigureHttpContext(context =>
        {
            context.Request.ContentType = content.Headers.ContentType!.ToString();
            if (content.Headers.ContentLength is { } length) context.Request.ContentLength = length;
            context.Request.Body = content.ReadAsStream();
        });
    }
}

/// <summary>A stream of <paramref name="length"/> bytes made on the fly (a PDF header, then a pattern): nothing holds it whole.</summary>
public sealed class GeneratedFile(long length) : Stream
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("%PDF-1.7\n");
    private long _position;

    public static byte ByteAt(long position) => position < Header.Length ? Header[position] : (byte)('a' + position * 7 % 26);

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        for (var i = 0; i < n; i++) buffer[offset + i] = ByteAt(_position + i);
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
