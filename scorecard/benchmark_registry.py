"""The registry of published benchmarks: each figure as its publisher states it.

One entry per published figure: what exactly was counted, over whom, when, how many, who
published it and where (checked against the publisher's own page), which figure of ours it is
set beside (:data:`scorecard.benchmarks.MEASURES`) and how comparable the two are. A figure with
no comparable figure of ours (an opinion survey, say) is not listed: it would be shown beside
nothing. Shares are fractions 0–1; a ``multiple`` is a ratio; a ``count`` counts people.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PublishedFigure:
    """A published benchmark and the figure of ours it is compared with."""

    id: str
    label: str  # short, for a chart axis
    finding: str  # the figure as published, its exact definition
    value: float
    unit: str  # "%", "multiple" or "count"
    year: int  # the year the data describe
    population: str
    sample: str
    publisher: str
    url: str
    measure: str  # key of scorecard.benchmarks.MEASURES
    comparable: str  # how comparable ours is, in one or two sentences

    @property
    def source(self) -> str:
        """Publisher, year and address in one line, as the report and the deck cite it."""
        return f"{self.publisher} ({self.year}), {self.url}"


SOCIALCAST_URL = "http://blog.socialcast.com/how-executives-are-using-social-media/"
SOCIALCAST_NOTE = (
    "A survey answer set beside what our data show executives did; the "
    "infographic states no sample size, and its figures are the ones quoted in "
    "2012 by the article this product grew from."
)

REGISTRY: tuple[PublishedFigure, ...] = (
    PublishedFigure(
        "socialcast_2010_multi_daily",
        "Multi-daily",
        "40% of executives used social media multiple times per day.",
        0.40,
        "%",
        2010,
        "Executives (survey respondents)",
        "not stated",
        "Socialcast, 'How Executives Are Using Social Media', 6 Oct 2010",
        SOCIALCAST_URL,
        "executives_multi_daily",
        SOCIALCAST_NOTE + " Ours: C-suite and VPs averaging two actions or more per business day.",
    ),
    PublishedFigure(
        "socialcast_2010_blogging",
        "Blogging",
        "5% of executives used blogs.",
        0.05,
        "%",
        2010,
        "Executives (survey respondents)",
        "not stated",
        "Socialcast, 'How Executives Are Using Social Media', 6 Oct 2010",
        SOCIALCAST_URL,
        "executives_blogging",
        SOCIALCAST_NOTE + " Ours: C-suite and VPs with any blog action in the period.",
    ),
    PublishedFigure(
        "socialcast_2010_marketing",
        "Mostly marketing",
        "58% of executives said social media's purpose is marketing.",
        0.58,
        "%",
        2010,
        "Executives (survey respondents)",
        "not stated",
        "Socialcast, 'How Executives Are Using Social Media', 6 Oct 2010",
        SOCIALCAST_URL,
        "executives_mostly_marketing",
        SOCIALCAST_NOTE + " Theirs is an opinion; ours counts C-suite and VPs whose purposed "
        "actions are more than half marketing.",
    ),
    PublishedFigure(
        "weber_shandwick_2014_ceos_online",
        "CEOs engaged online",
        "80% of the CEOs of the world's top 50 companies were engaged online: visible on "
        "their company website, company YouTube channel or social networks.",
        0.80,
        "%",
        2014,
        "CEOs of the top 50 companies of the 2014 Fortune Global 500",
        "50 CEOs",
        "Weber Shandwick, 'Socializing Your CEO III: From Marginal to Mainstream', 18 May 2015",
        "https://webershandwick.com/news/80-of-ceos-from-the-worlds-top-companies-"
        "take-to-social-media",
        "csuite_active",
        "Theirs counts any visibility online, a company web page or video included; ours "
        "counts C-suite members with their own activity in the period, so ours is stricter. "
        "The same audit found 36% in 2010.",
    ),
    PublishedFigure(
        "domo_2014_no_presence",
        "No social presence",
        "68% of Fortune 500 CEOs had no presence on any of Twitter, Facebook, LinkedIn, "
        "Google+ or Instagram.",
        0.68,
        "%",
        2014,
        "CEOs of the Fortune 500",
        "500 CEOs",
        "Domo and CEO.com, '2014 Social CEO Report', 9 Sep 2014",
        "https://www.domo.com/news/press/more-fortune-500-ceos-joining-twitter-but-many-are-"
        "missing-an-opportunity-to-better-engage-with-audience",
        "csuite_inactive",
        "Theirs is no account at all; ours is no recorded action in the period, so an "
        "executive with a dormant account counts in ours and not in theirs. Lower is better.",
    ),
    PublishedFigure(
        "brunswick_2019_presence",
        "Social presence",
        "48% of S&P 500 and FTSE 350 CEOs had a social media presence.",
        0.48,
        "%",
        2019,
        "CEOs of the S&P 500 and FTSE 350",
        "790 CEOs",
        "Brunswick Group, 'Connected Leadership', June 2019",
        "https://www.brunswickgroup.com/brunswick-s-connected-"
        "leadership-defines-new-expectations-for-ceos-i11241/",
        "csuite_active",
        "Theirs is a profile on a social platform; ours is activity in the period by our "
        "C-suite, so ours is stricter.",
    ),
    PublishedFigure(
        "kekst_cnc_2021_linkedin_posting",
        "Posting on LinkedIn",
        "62 of 100 FTSE 100 CEOs had a LinkedIn account and 51% of those had posted within "
        "the last three months: 62 × 51% ≈ 32 of 100.",
        0.62 * 0.51,
        "%",
        2021,
        "CEOs of the FTSE 100",
        "100 CEOs; 441 posts, mid-June to October 2021",
        "Kekst CNC, 'FTSE100 CEO Social Index', 29 Nov 2021",
        "https://www.kekstcnc.com/insights/ftse100-ceo-social-index",
        "csuite_linkedin_posting",
        "Theirs is a post within three months; ours is a post on LinkedIn within the "
        "period, so a period shorter than three months makes ours look lower.",
    ),
    PublishedFigure(
        "fti_2023_linkedin_posting",
        "Posting on LinkedIn",
        "More than 55% of FTSE 100 CEOs were actively posting on LinkedIn.",
        0.55,
        "%",
        2023,
        "CEOs of the FTSE 100",
        "100 CEOs",
        "FTI Consulting, 'Leading from the Front: Beyond the CEO', 27 Sep 2023",
        "https://fticommunications.com/new-expectations-for-"
        "leadership-use-of-social-media-defined-according-to-fti-consultings-leading-from-"
        "the-front-research",
        "csuite_linkedin_posting",
        "Published as a lower bound ('more than 55%'); ours is the share of our C-suite with "
        "a LinkedIn post in the period.",
    ),
    PublishedFigure(
        "fti_2023_active_exco",
        "Active leaders on LinkedIn",
        "Companies with at least four active executive-committee members on LinkedIn had a "
        "38% higher digital impact and five times the engagement.",
        4.0,
        "count",
        2023,
        "FTSE 100 companies",
        "100 companies",
        "FTI Consulting, 'Leading from the Front: Beyond the CEO', 27 Sep 2023",
        "https://fticommunications.com/new-expectations-for-"
        "leadership-use-of-social-media-defined-according-to-fti-consultings-leading-from-"
        "the-front-research",
        "csuite_linkedin_posters",
        "A threshold, not an average: ours is how many of our C-suite posted on LinkedIn in "
        "the period; an executive committee may be wider than our C-suite tier.",
    ),
    PublishedFigure(
        "linkedin_2016_employee_ctr",
        "Employees' click-through",
        "Employees' shares get 2x the click-through rate of their company's shares of the "
        "same content (median; 2.4x above 10,000 employees, 1.8x below).",
        2.0,
        "multiple",
        2016,
        "Companies on LinkedIn whose employees shared the company's own content",
        "not stated",
        "LinkedIn, 'LinkedIn Research Reveals Why Your Employees' Voices Matter "
        "on Social', 15 Mar 2016",
        "https://business.linkedin.com/marketing-solutions/blog/"
        "linkedin-elevate/2016/linkedIn-research-reveals-why-your-employees-voices-matter-on-"
        "social",
        "linkedin_ctr_multiple",
        "Theirs compares the same piece of content; ours compares all our people's LinkedIn "
        "rows with all our brand accounts' LinkedIn rows (clicks / impressions of each).",
    ),
)
