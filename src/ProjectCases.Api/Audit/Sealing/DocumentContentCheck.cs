using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ProjectCases.Documents.Storage;

namespace ProjectCases.Audit.Sealing;

/// <summary>
/// Hashes the stored bytes of each document a stream's (sealed) DocumentAttached events recorded and compares them with
/// the recorded SHA-256, streaming from the store. Reads the stored JSON, as the chain does, not the .NET event.
/// </summary>
public sealed class DocumentContentCheck(IDocumentContentStore store)
{
    public const string EventType = "document_attached";

    public async Task<(long Version, Guid DocumentId)?> FirstMismatchAsync(IEnumerable<StoredEvent> events, CancellationToken ct)
    {
        foreach (var e in events.Where(e => e.Type == EventType))
        {
            var data = JsonNode.Parse(e.Data)!.AsObject();
            var documentId = Guid.TryParse(data["documentId"]?.ToString(), out var id) ? id : Guid.Empty;
            var recorded = data["sha256"]?.ToString() ?? "";
            using var sink = new HashingSink();
            var found = documentId != Guid.Empty && await store.CopyToAsync(documentId, sink, ct);
            if (!found || sink.Sha256() != recorded) return (e.Version, documentId);
        }
        return null;
    }

    /// <summary>A write-only stream that only hashes what is written to it.</summary>
    private sealed class HashingSink : Stream
    {
        private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string Sha256() => Convert.ToHexStringLower(_sha256.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count) => _sha256.AppendData(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => _sha256.AppendData(buffer);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            _sha256.AppendData(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _sha256.Dispose();
            base.Dispose(disposing);
        }
    }
}
