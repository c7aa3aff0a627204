package io.eventscope.engine.whatif;

/** How one command fared in the branch against what happened. */
public enum Verdict {
    /** The same events, or rejected for the same reason. */
    SAME,
    /** Accepted then, rejected in the branch. */
    NOW_REJECTED,
    /** Rejected then, accepted in the branch. */
    NOW_ACCEPTED,
    /** Accepted both times with other events, or rejected both times for another reason. */
    DIFFERENT,
    /** The command the fork inserted: it has no past to compare with. */
    INSERTED,
    /** Issued by a saga in the branch only: its reaction to a step that came out otherwise. */
    REACTION,
    /** Issued by a saga then; in the branch the saga took another path and never issued it. */
    NOT_ISSUED
}
