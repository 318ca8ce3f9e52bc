package org.openyibao.sim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/**
 * Plain local Parquet files without Hadoop at run time: {@link LocalOutputFile}/{@link LocalInputFile},
 * {@link PlainParquetConfiguration}, SNAPPY through snappy-java, and typed rows written straight to the
 * {@link RecordConsumer} and read through column converters (no Avro, no Group objects).
 */
public final class Parquet {
    /** Row groups of 32 MiB keep a writer's buffer small when several tables are written at once. */
    static final int ROW_GROUP_BYTES = 32 << 20;

    private Parquet() {}

    /** A writer of rows of type {@code T} with {@code schema}; {@code write} emits one row's fields. */
    public static <T> ParquetWriter<T> writer(Path file, MessageType schema, BiConsumer<RecordConsumer, T> write) {
        ParquetConfiguration conf = new PlainParquetConfiguration();
        WriteSupport<T> support = new WriteSupport<>() {
            RecordConsumer consumer;
            @Override public WriteContext init(org.apache.hadoop.conf.Configuration c) { return init(conf); }
            @Override public WriteContext init(ParquetConfiguration c) { return new WriteContext(schema, new HashMap<>()); }
            @Override public void prepareForWrite(RecordConsumer rc) { consumer = rc; }
            @Override public void write(T row) {
                consumer.startMessage();
                write.accept(consumer, row);
                consumer.endMessage();
            }
        };
        try {
            return new WriterBuilder<>(file, support).withConf(conf).withCodecFactory(SnappyCodecs.INSTANCE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY).withRowGroupSize((long) ROW_GROUP_BYTES)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The rows of {@code file}, materialized by a fresh {@code materializer} for the file's schema. */
    public static <T> CloseableIterator<T> read(Path file, java.util.function.Function<MessageType, RecordMaterializer<T>> materializer) {
        ParquetConfiguration conf = new PlainParquetConfiguration();
        ReadSupport<T> support = new ReadSupport<>() {
            @Override public ReadContext init(InitContext context) { return new ReadContext(context.getFileSchema()); }
            @Override public RecordMaterializer<T> prepareForRead(org.apache.hadoop.conf.Configuration c,
                    java.util.Map<String, String> meta, MessageType schema, ReadContext ctx) {
                return materializer.apply(schema);
            }
            @Override public RecordMaterializer<T> prepareForRead(ParquetConfiguration c, java.util.Map<String, String> meta,
                    MessageType schema, ReadContext ctx) {
                return materializer.apply(schema);
            }
        };
        try {
            ParquetReader<T> reader = new ParquetReader.Builder<T>(new LocalInputFile(file), conf) {
                @Override protected ReadSupport<T> getReadSupport() { return support; }
            }.withCodecFactory(SnappyCodecs.INSTANCE).build();
            return new CloseableIterator<>() {
                T next = advance();
                private T advance() {
                    try {
                        return reader.read();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + file, e);
                    }
                }
                @Override public boolean hasNext() { return next != null; }
                @Override public T next() {
                    if (next == null) throw new NoSuchElementException();
                    T t = next;
                    next = advance();
                    return t;
                }
                @Override public void close() {
                    try {
                        reader.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The schema in a file's footer. */
    public static MessageType schema(Path file) {
        try (org.apache.parquet.hadoop.ParquetFileReader r = org.apache.parquet.hadoop.ParquetFileReader.open(
                new LocalInputFile(file), org.apache.parquet.ParquetReadOptions.builder(new PlainParquetConfiguration())
                        .withCodecFactory(SnappyCodecs.INSTANCE).build())) {
            return r.getFooter().getFileMetaData().getSchema();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** An iterator over a file that must be closed. */
    public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
        @Override void close();
    }

    private static final class WriterBuilder<T> extends ParquetWriter.Builder<T, WriterBuilder<T>> {
        private final WriteSupport<T> support;

        WriterBuilder(Path file, WriteSupport<T> support) {
            super(new LocalOutputFile(file));
            this.support = support;
        }

        @Override protected WriterBuilder<T> self() { return this; }
        @Override protected WriteSupport<T> getWriteSupport(org.apache.hadoop.conf.Configuration conf) { return support; }
        @Override protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) { return support; }
    }
}
