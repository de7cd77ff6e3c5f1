"""Operations that span several repositories; pages call these, rules stay in ``domain``."""
