/** Requesting, deciding and ending affiliations, scoped to the administrators of the two sides; queries for others. */
package cn.yunying.affiliation.application;
