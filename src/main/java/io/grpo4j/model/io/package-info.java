/** Hugging Face model directories: safetensors read/write (single or sharded), strict weight loading. */
package io.grpo4j.model.io;
