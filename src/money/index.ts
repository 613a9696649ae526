export { minorDigits, isCurrencyCode, parseMoney, minorUnits, fromMinor, type ParsedMoney } from './money.js';
