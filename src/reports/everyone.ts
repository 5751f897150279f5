/**
 * A dimension no person has a value for, so that every employee falls into one group: the
 * organisation-wide figure of a rate model, run through the model layer like any other (so
 * disclosure control applies to it too). Its one group is relabelled "Everyone".
 */
export const EVERYONE_DIMENSION = 'pathways_everyone';
export const EVERYONE_GROUP = 'Everyone';
