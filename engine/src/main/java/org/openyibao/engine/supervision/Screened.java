package org.openyibao.engine.supervision;

/** What a check looks at: the visit screened, the person's history, and the rule set's knowledge base. */
public record Screened(ClaimVisit visit, History history, Knowledge knowledge) {}
