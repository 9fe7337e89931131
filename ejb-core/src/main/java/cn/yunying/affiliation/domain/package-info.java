/** Affiliations and their state machine: requested, then accepted, declined or withdrawn; active ones can end. */
package cn.yunying.affiliation.domain;
