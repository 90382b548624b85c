/**
 * The headless command line (picocli): one subcommand per use case, options from the parameter tables, and the
 * test-data generator. Travels in the CLI jar only.
 */
package org.rate2spike.cli;
