package io.grpo4j.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grpo4j.model.ModelConfig;
import io.grpo4j.model.ModelWeights;
import io.grpo4j.model.TinyModels;
import io.grpo4j.model.WeightNames;
import io.grpo4j.model.tokenizer.BuiltinTokenizer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

    @Test
    void saveLoadSaveIsByteIdenticalAndKeepsValues(@TempDir Path tmp) throws IOException {
        ModelConfig c = TinyModels.qwen2();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 1, m)) {
            BuiltinTokenizer.write(tmp.resolve("tok"));
            ModelDirectory.save(tmp.resolve("a"), w, tmp.resolve("tok"));
            try (ModelDirectory.LoadedModel loaded = ModelDirectory.load(tmp.resolve("a"), m)) {
                assertEquals(c, loaded.config());
                for (String name : w.all().keySet()) {
                    assertArrayEquals(w.get(name).toFloatArray(), loaded.weights().get(name).toFloatArray(), 0f, name);
                }
                ModelDirectory.save(tmp.resolve("b"), loaded.weights(), tmp.resolve("tok"));
            }
            for (String f : new String[] {"config.json", "model.safetensors", "generation_config.json", "tokenizer.json"}) {
                assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
            }
            // the header is 8-byte aligned like the reference writer's
            long headerLength = ByteBuffer.wrap(Files.readAllBytes(tmp.resolve("a/model.safetensors")), 0, 8)
                    .order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, headerLength % 8);
        }
    }

    @Test
    void shardedCheckpointsRoundTrip(@TempDir Path tmp) throws IOException {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 2, m)) {
            ModelDirectory.save(tmp, w, null, 8_000); // ~8 KB shards
            long shards;
            try (Stream<Path> s = Files.list(tmp)) {
                shards = s.filter(p -> p.getFileName().toString().matches("model-\\d{5}-of-\\d{5}\\.safetensors")).count();
            }
            assertTrue(shards > 2, "expected several shards, got " + shards);
            try (ModelWeights back = ModelDirectory.loadWeights(tmp, c, m)) {
                for (String name : w.all().keySet()) {
                    assertArrayEquals(w.get(name).toFloatArray(), back.get(name).toFloatArray(), 0f, name);
                }
            }
        }
    }

    /** Writes a safetensors file by hand with the given dtype bytes. */
    private static void writeRaw(Path file, String name, String dtype, long[] shape, byte[] data) throws IOException {
        ObjectMapper om = new ObjectMapper();
        ObjectNode h = om.createObjectNode();
        ObjectNode t = h.putObject(name);
        t.put("dtype", dtype);
        var s = t.putArray("shape");
        for (long d : shape) {
            s.add(d);
        }
        t.putArray("data_offsets").add(0).add(data.length);
        byte[] header = om.writeValueAsBytes(h);
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header).put(data);
        Files.write(file, b.array());
    }

    @Test
    void bf16AndF16AreConvertedToTheExactFloat32Values(@TempDir Path tmp) throws IOException {
        // bf16 is the top half of a float32: 1.0 = 0x3F80, -2.5 = 0xC020, 0.15625 = 0x3E20
        ByteBuffer bf = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3F80)
                .putShort((short) 0xC020).putShort((short) 0x3E20);
        writeRaw(tmp.resolve("bf.safetensors"), "x", "BF16", new long[] {3}, bf.array());
        // f16: 1.0 = 0x3C00, -2.5 = 0xC100, 2^-24 (smallest subnormal) = 0x0001
        ByteBuffer hf = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3C00)
                .putShort((short) 0xC100).putShort((short) 0x0001);
        writeRaw(tmp.resolve("hf.safetensors"), "x", "F16", new long[] {3}, hf.array());
        try (SafetensorsFile f = new SafetensorsFile(tmp.resolve("bf.safetensors"))) {
            float[] v = new float[3];
            f.readFloat32("x").get(v);
            assertArrayEquals(new float[] {1f, -2.5f, 0.15625f}, v, 0f);
        }
        try (SafetensorsFile f = new SafetensorsFile(tmp.resolve("hf.safetensors"))) {
            float[] v = new float[3];
            f.readFloat32("x").get(v);
            assertArrayEquals(new float[] {1f, -2.5f, 0x1p-24f}, v, 0f);
        }
    }

    @Test
    void readsATensorBeyondTwoGibibytesInASparseFile(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("big.safetensors");
        long gap = (1L << 31) + 4096; // > 2 GiB of zeros before the tail tensor
        ObjectMapper om = new ObjectMapper();
        ObjectNode h = om.createObjectNode();
        ObjectNode pad = h.putObject("pad");
        pad.put("dtype", "F32");
        pad.putArray("shape").add(gap / 4);
        pad.putArray("data_offsets").add(0).add(gap);
        ObjectNode tail = h.putObject("tail");
        tail.put("dtype", "F32");
        tail.putArray("shape").add(2);
        tail.putArray("data_offsets").add(gap).add(gap + 8);
        byte[] header = om.writeValueAsBytes(h);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            raf.write(header);
            raf.seek(8 + header.length + gap); // sparse: nothing written in between
            raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(3.25f).putFloat(-7f).array());
        }
        assertTrue(Files.size(file) > (1L << 31));
        try (SafetensorsFile f = new SafetensorsFile(file)) {
            float[] v = new float[2];
            f.readFloat32("tail").get(v);
            assertArrayEquals(new float[] {3.25f, -7f}, v, 0f);
        }
    }

    @Test
    void truncatedFileNamesFileAndTensor(@TempDir Path tmp) throws IOException {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 3, m)) {
            ModelDirectory.save(tmp, w, null);
            Path f = tmp.resolve("model.safetensors");
            byte[] all = Files.readAllBytes(f);
            Files.write(f, java.util.Arrays.copyOf(all, all.length - 100));
            IOException e = assertThrows(IOException.class, () -> ModelDirectory.loadWeights(tmp, c, m));
            assertTrue(e.getMessage().startsWith(f + ": truncated: tensor 'lm_head.weight' ends at byte"), e.getMessage());
            Files.write(f, new byte[] {1, 2, 3});
            e = assertThrows(IOException.class, () -> ModelDirectory.loadWeights(tmp, c, m));
            assertEquals(f + ": truncated safetensors file (3 bytes, no header length)", e.getMessage());
        }
    }

    @Test
    void missingExtraAndMisshapedTensorsAreListedTogether(@TempDir Path tmp) throws IOException {
        ModelConfig c = TinyModels.llama();
        try (NDManager m = NDManager.newBaseManager(); ModelWeights w = TinyModels.weights(c, 4, m)) {
            Map<String, SafetensorsWriter.Tensor> t = new LinkedHashMap<>();
            w.all().forEach((k, v) -> t.put(k, new SafetensorsWriter.Tensor(v.getShape().getShape(), v::toFloatArray)));
            t.remove(WeightNames.FINAL_NORM);
            t.put("model.extra.weight", new SafetensorsWriter.Tensor(new long[] {2}, () -> new float[] {1, 2}));
            t.put(WeightNames.layer(1, "mlp.up_proj.weight"), new SafetensorsWriter.Tensor(new long[] {2, 3}, () -> new float[6]));
            Files.writeString(tmp.resolve("config.json"), c.toJson().toString());
            SafetensorsWriter.write(tmp.resolve("model.safetensors"), t);
            IOException e = assertThrows(IOException.class, () -> ModelDirectory.load(tmp, m));
            assertEquals(tmp + ": weights do not match config.json (LlamaForCausalLM): "
                    + "tensor model.layers.1.mlp.up_proj.weight has shape [2, 3], expected [48, 32]; "
                    + "missing tensor model.norm.weight [32]; unexpected tensor model.extra.weight", e.getMessage());
        }
    }

    @Test
    void configErrorsNameTheFileAndField(@TempDir Path tmp) throws IOException {
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, "{\"architectures\": [\"GPT2LMHeadModel\"], \"hidden_size\": 8}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.read(tmp));
        assertEquals(cfg + ": architectures: unsupported architecture 'GPT2LMHeadModel'; supported: LlamaForCausalLM, Qwen2ForCausalLM",
                e.getMessage());
        ObjectNode o = TinyModels.llama().toJson();
        o.remove("num_attention_heads");
        Files.writeString(cfg, o.toString());
        e = assertThrows(IllegalArgumentException.class, () -> ModelConfig.read(tmp));
        assertEquals(cfg + ": missing field 'num_attention_heads'", e.getMessage());
        Files.writeString(cfg, "{not json", StandardCharsets.UTF_8);
        IOException io = assertThrows(IOException.class, () -> ModelConfig.read(tmp));
        assertTrue(io.getMessage().startsWith(cfg + ": not valid JSON"), io.getMessage());
        IOException none = assertThrows(IOException.class, () -> ModelDirectory.load(tmp.resolve("absent"), null));
        assertEquals("model directory not found: " + tmp.resolve("absent"), none.getMessage());
    }
}
