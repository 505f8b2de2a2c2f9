/** Problems, dataset adapters, generators and prompt templates. No DJL. */
package io.grpo4j.data;
