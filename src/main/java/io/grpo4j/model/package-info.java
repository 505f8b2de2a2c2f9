/**
 * Llama/Qwen2 decoder on DJL: config, weights with Hugging Face names, forward with KV cache,
 * checkpoint read/write and tokenizer.
 */
package io.grpo4j.model;
