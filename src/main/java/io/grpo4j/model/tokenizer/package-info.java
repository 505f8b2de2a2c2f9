/** Hugging Face tokenizers, chat templates and the built-in arithmetic tokenizer. */
package io.grpo4j.model.tokenizer;
