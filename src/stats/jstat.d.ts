// Minimal type declarations for the parts of jstat 1.9.6 used by src/stats.
// jstat ships no types; only what we call is declared here.
declare module 'jstat' {
  interface JStatNormal {
    cdf(x: number, mean: number, std: number): number;
    inv(p: number, mean: number, std: number): number;
  }
  interface JStatChiSquare {
    cdf(x: number, dof: number): number;
    inv(p: number, dof: number): number;
  }
  interface JStatStatic {
    normal: JStatNormal;
    chisquare: JStatChiSquare;
    /** log Gamma(x) */
    gammaln(x: number): number;
  }
  const jStat: JStatStatic;
  export default jStat;
}
