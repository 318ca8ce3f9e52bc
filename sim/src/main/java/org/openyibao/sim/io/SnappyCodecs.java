package org.openyibao.sim.io;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * SNAPPY (and UNCOMPRESSED) pages through snappy-java, without Hadoop: parquet-hadoop's own
 * CodecFactory goes through Hadoop's CompressionCodec classes, which we do not ship.
 */
final class SnappyCodecs implements CompressionCodecFactory {
    static final SnappyCodecs INSTANCE = new SnappyCodecs();

    private static final BytesInputCompressor SNAPPY_COMPRESSOR = new BytesInputCompressor() {
        @Override public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(Snappy.compress(bytes.toByteArray()));
        }
        @Override public CompressionCodecName getCodecName() { return CompressionCodecName.SNAPPY; }
        @Override public void release() {}
    };

    private static final BytesInputDecompressor SNAPPY_DECOMPRESSOR = new BytesInputDecompressor() {
        @Override public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            byte[] out = new byte[uncompressedSize];
            byte[] in = bytes.toByteArray();
            int n = Snappy.uncompress(in, 0, in.length, out, 0);
            if (n != uncompressedSize) throw new IOException("snappy page: " + n + " bytes, expected " + uncompressedSize);
            return BytesInput.from(out);
        }
        @Override public void decompress(ByteBuffer in, int compressedSize, ByteBuffer out, int uncompressedSize)
                throws IOException {
            byte[] src = new byte[compressedSize];
            in.get(src);
            byte[] dst = new byte[uncompressedSize];
            Snappy.uncompress(src, 0, compressedSize, dst, 0);
            out.put(dst);
        }
        @Override public void release() {}
    };

    private static final BytesInputCompressor NONE_COMPRESSOR = new BytesInputCompressor() {
        @Override public BytesInput compress(BytesInput bytes) { return bytes; }
        @Override public CompressionCodecName getCodecName() { return CompressionCodecName.UNCOMPRESSED; }
        @Override public void release() {}
    };

    private static final BytesInputDecompressor NONE_DECOMPRESSOR = new BytesInputDecompressor() {
        @Override public BytesInput decompress(BytesInput bytes, int uncompressedSize) { return bytes; }
        @Override public void decompress(ByteBuffer in, int compressedSize, ByteBuffer out, int uncompressedSize) {
            ByteBuffer src = in.duplicate();
            src.limit(src.position() + compressedSize);
            out.put(src);
        }
        @Override public void release() {}
    };

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> SNAPPY_COMPRESSOR;
            case UNCOMPRESSED -> NONE_COMPRESSOR;
            default -> throw new UnsupportedOperationException("codec " + codec + " (only SNAPPY and UNCOMPRESSED)");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case SNAPPY -> SNAPPY_DECOMPRESSOR;
            case UNCOMPRESSED -> NONE_DECOMPRESSOR;
            default -> throw new UnsupportedOperationException("codec " + codec + " (only SNAPPY and UNCOMPRESSED)");
        };
    }

    @Override
    public void release() {}
}
