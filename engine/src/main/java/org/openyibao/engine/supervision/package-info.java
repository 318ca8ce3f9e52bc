/**
 * Intelligent supervision (智能监管, docs/supervision.md): a rule base and a knowledge base as versioned data under
 * {@code policies/supervision/<version>/}, one small {@link org.openyibao.engine.supervision.Check} class per rule
 * logic, and {@link org.openyibao.engine.supervision.Screening}, which runs a rule set over a claim visit with the
 * person's history and returns the hits with their evidence. The checks and the screening do no I/O;
 * {@link org.openyibao.engine.supervision.RuleSets} loads the files. Named "supervision", not "audit": the operator
 * audit log and the insurer's case audit already use that word.
 */
package org.openyibao.engine.supervision;
