"""Loopback stand-ins for providers on the internet, each following its published API."""
