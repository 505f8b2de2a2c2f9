package io.grpo4j.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one {@code .safetensors} file without loading it whole: the header is parsed and
 * checked up front, and each tensor is read from its own byte range (64-bit offsets, so files
 * beyond 2 GiB work) and converted to float32 in Java. BF16 and F16 never reach the engine as
 * such (a bfloat16 array aborts DJL 0.35's JVM).
 */
public final class SafetensorsFile implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_HEADER = 100L << 20;

    /** One tensor's header entry. */
    public record Entry(String name, String dtype, long[] shape, long begin, long end) {
        public long elements() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public SafetensorsFile(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 8) {
                throw new IOException(file + ": truncated safetensors file (" + size + " bytes, no header length)");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(len, 0);
            long headerLength = len.flip().getLong();
            if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > size) {
                throw new IOException(file + ": bad safetensors header length " + headerLength + " for a file of " + size
                        + " bytes (truncated or not a safetensors file)");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(header, 8);
            this.dataStart = 8 + headerLength;
            JsonNode root;
            try {
                root = JSON.readTree(header.array());
            } catch (JsonProcessingException e) {
                throw new IOException(file + ": safetensors header is not valid JSON: " + e.getOriginalMessage());
            }
            parse(root, size - dataStart);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void parse(JsonNode root, long dataSize) throws IOException {
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode n = e.getValue();
            String dtype = n.path("dtype").asText();
            int width = switch (dtype) {
                case "F32" -> 4;
                case "F16", "BF16" -> 2;
                default -> throw new IOException(file + ": tensor '" + e.getKey() + "' has dtype " + dtype
                        + "; grpo4j reads F32, F16 and BF16 weights");
            };
            long[] shape = new long[n.path("shape").size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = n.path("shape").get(i).asLong();
            }
            long begin = n.path("data_offsets").path(0).asLong(-1);
            long end = n.path("data_offsets").path(1).asLong(-1);
            Entry entry = new Entry(e.getKey(), dtype, shape, begin, end);
            if (begin < 0 || end < begin || end - begin != entry.elements() * width) {
                throw new IOException(file + ": tensor '" + e.getKey() + "' has data_offsets [" + begin + ", " + end
                        + "] that do not match its shape and dtype");
            }
            if (end > dataSize) {
                throw new IOException(file + ": truncated: tensor '" + e.getKey() + "' ends at byte " + (dataStart + end)
                        + " but the file has " + (dataStart + dataSize) + " bytes");
            }
            entries.put(e.getKey(), entry);
        }
    }

    public Path path() {
        return file;
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** The tensor's values as float32, in a direct native-order buffer (what DJL wraps without a copy). */
    public FloatBuffer readFloat32(String name) throws IOException {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IOException(file + ": no tensor named '" + name + "'");
        }
        long n = e.elements();
        if (n * 4 > Integer.MAX_VALUE) {
            throw new IOException(file + ": tensor '" + name + "' has " + n + " elements, more than one buffer holds");
        }
        ByteBuffer out = ByteBuffer.allocateDirect((int) (n * 4)).order(ByteOrder.nativeOrder());
        // Read in windows so huge tensors need no second full-size staging copy.
        long pos = dataStart + e.begin();
        int width = e.dtype().equals("F32") ? 4 : 2;
        ByteBuffer window = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        long remaining = e.end() - e.begin();
        while (remaining > 0) {
            window.clear();
            window.limit((int) Math.min(window.capacity(), remaining));
            readFully(window, pos);
            window.flip();
            pos += window.limit();
            remaining -= window.limit();
            while (window.remaining() >= width) {
                switch (e.dtype()) {
                    case "F32" -> out.putFloat(window.getFloat());
                    case "BF16" -> out.putFloat(Float.intBitsToFloat((window.getShort() & 0xffff) << 16));
                    default -> out.putFloat(halfToFloat(window.getShort()));
                }
            }
        }
        out.flip();
        return out.asFloatBuffer();
    }

    /** IEEE 754 half precision to float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) { // inf / nan
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            if (mantissa == 0) {
                return Float.intBitsToFloat(sign);
            }
            // subnormal: value = mantissa * 2^-24
            float v = mantissa * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    private void readFully(ByteBuffer buf, long position) throws IOException {
        long p = position;
        while (buf.hasRemaining()) {
            int r = channel.read(buf, p);
            if (r < 0) {
                throw new IOException(file + ": truncated at byte " + p);
            }
            p += r;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
