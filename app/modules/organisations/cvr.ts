// Danish CVR numbers: 8 digits, the first not 0, and a modulus-11 check where
// the weighted digit sum (weights 2,7,6,5,4,3,2,1) is divisible by 11.
// Pure, so the web app can check it in the browser too.
export const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

function weightedSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * CVR_WEIGHTS[i];
  return sum;
}

/** Accepts "12345678" and the common spaced form "12 34 56 78". */
export function isValidCvr(value: string): boolean {
  const digits = value.replace(/\s+/g, "");
  if (!/^[1-9]\d{7}$/.test(digits)) return false;
  return weightedSum(digits) % 11 === 0;
}

/**
 * Completes a 7-digit prefix into a valid CVR number, or returns null when no
 * last digit can satisfy the check (the required check digit would be 10).
 */
export function completeCvr(prefix: string): string | null {
  if (!/^[1-9]\d{6}$/.test(prefix)) throw new Error(`CVR prefix must be 7 digits not starting with 0, got "${prefix}"`);
  const check = (11 - (weightedSum(prefix) % 11)) % 11; // last weight is 1
  return check === 10 ? null : `${prefix}${check}`;
}
