"""thoisu: raw Vietnamese news pages in, clean traceable articles, actors, events,
stories and summaries out."""

__version__ = "0.1.0"
