using System.Security.Cryptography;
using System.Text;

namespace ProjectCases.Documents.Upload;

/// <summary>The file is larger than the limit (413).</summary>
public sealed class DocumentTooLargeException(long limit) : Exception($"The file is larger than the limit of {limit} bytes.");

/// <summary>The bytes are not what the declared type says (415).</summary>
public sealed class DocumentTypeMismatchException(string detail) : Exception(detail);

/// <summary>
/// The uploaded file as the store reads it: the already-read head, then the rest of the request part, measured and
/// hashed (SHA-256) as it passes, cut off with <see cref="DocumentTooLargeException"/> as soon as it goes over the
/// limit, and, for plain text, checked to be UTF-8 without control characters. Holds no more than one read's bytes.
/// </summary>
public sealed class ReceivingStream(byte[] head, Stream rest, AcceptedType type, long maxBytes) : Stream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Decoder? _utf8 = type.IsText ? new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder() : null;
    private int _headServed;

    public long Size { get; private set; }

    /// <summary>The hex SHA-256 of everything read; call once, after the stream was read to its end.</summary>
    public string Sha256() => Convert.ToHexStringLower(_sha256.GetHashAndReset());

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        int read;
        if (_headServed < head.Length)
        {
            read = Math.Min(buffer.Length, head.Length - _headServed);
            head.AsMemory(_headServed, read).CopyTo(buffer);
            _headServed += read;
        }
        else read = await rest.ReadAsync(buffer, ct);

        Size += read;
        if (Size > maxBytes) throw new DocumentTooLargeException(maxBytes);
        var bytes = buffer.Span[..read];
        _sha256.AppendData(bytes);
        if (_utf8 is not null) CheckText(bytes, flush: read == 0);
        return read;
    }

    private void CheckText(ReadOnlySpan<byte> bytes, bool flush)
    {
        foreach (var b in bytes)
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D) || b == 0x7F)
                throw new DocumentTypeMismatchException("The file is declared as text/plain but holds control characters: it is not plain text.");
        try
        {
            Span<char> chars = stackalloc char[256];
            do
            {
                _utf8!.Convert(bytes, chars, flush, out var used, out _, out _);
                bytes = bytes[used..];
            } while (bytes.Length > 0);
        }
        catch (DecoderFallbackException)
        {
            throw new DocumentTypeMismatchException("The file is declared as text/plain but is not valid UTF-8 text.");
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Size; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sha256.Dispose();
        base.Dispose(disposing);
    }
}
