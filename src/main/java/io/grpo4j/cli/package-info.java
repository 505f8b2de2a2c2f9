/** Command line: parse options, build a config, call the library; nothing else. */
package io.grpo4j.cli;
