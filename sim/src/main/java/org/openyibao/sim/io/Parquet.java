package org.openyibao.sim.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

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
            WriterBuilder<T> b = new WriterBuilder<>(file, support).withConf(conf).withCodecFactory(SnappyCodecs.INSTANCE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY).withRowGroupSize((long) ROW_GROUP_BYTES)
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
            // amounts in fen and ids rarely repeat: a dictionary for them would be built, then dropped, for nothing
            for (ColumnDescriptor c : schema.getColumns()) {
                if (c.getPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64) {
                    b = b.withDictionaryEncoding(String.join(".", c.getPath()), false);
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The rows of {@code file}, materialized by a fresh {@code materializer} for the file's schema. */
    public static <T> CloseableIterator<T> read(Path file, java.util.function.Function<MessageType, RecordMaterializer<T>> materializer) {
        return read(file, null, materializer);
    }

    /**
     * The rows of {@code file} with only the columns of {@code projection} (null: all of them) decoded;
     * the materializer gets the projected schema. Row group by row group through {@link ParquetFileReader}
     * and the column I/O record reader: {@code ParquetReader} would need Hadoop's file system classes.
     */
    public static <T> CloseableIterator<T> read(Path file, MessageType projection,
                                                java.util.function.Function<MessageType, RecordMaterializer<T>> materializer) {
        ParquetFileReader reader = open(file);
        MessageType fileSchema = reader.getFooter().getFileMetaData().getSchema();
        MessageType requested = projection == null ? fileSchema : projection;
        reader.setRequestedSchema(requested);
        MessageColumnIO columns = new ColumnIOFactory().getColumnIO(requested, fileSchema);
        RecordMaterializer<T> rows = materializer.apply(requested);
        return new CloseableIterator<>() {
            RecordReader<T> group;
            long left;
            T next = advance();

            private T advance() {
                try {
                    while (left == 0) {
                        PageReadStore pages = reader.readNextRowGroup();
                        if (pages == null) return null;
                        left = pages.getRowCount();
                        group = columns.getRecordReader(pages, rows);
                    }
                    left--;
                    return group.read();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
                } catch (org.apache.parquet.ParquetRuntimeException e) {
                    // a corrupt page or row group (ParquetDecodingException)
                    throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), new IOException(e));
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
    }

    /** The schema in a file's footer. */
    public static MessageType schema(Path file) {
        try (ParquetFileReader r = open(file)) {
            return r.getFooter().getFileMetaData().getSchema();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Opens {@code file}; a missing, truncated or non-Parquet file is an {@link UncheckedIOException} naming
     * the file (parquet-mr reports a bad footer as a bare RuntimeException naming only its input object).
     */
    private static ParquetFileReader open(Path file) {
        try {
            return ParquetFileReader.open(new LocalInputFile(file), ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .withCodecFactory(SnappyCodecs.INSTANCE).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().replaceFirst("^\\S*LocalInputFile@\\S+ ", "");
            throw new UncheckedIOException("cannot read " + file + ": " + why, new IOException(e));
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
