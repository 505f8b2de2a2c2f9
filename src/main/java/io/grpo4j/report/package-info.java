/**
 * Reading a run directory back: monologue views for the terminal and the self-contained HTML
 * report with plots and a monologue browser. Pure Java and Jackson; no model code.
 */
package io.grpo4j.report;
